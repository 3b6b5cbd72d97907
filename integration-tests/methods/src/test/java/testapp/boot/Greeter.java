package testapp.boot;

import io.micrometer.core.annotation.Timed;
import org.springframework.stereotype.Service;

/** A Spring bean timed by Micrometer's TimedAspect (through its proxy) and by the agent (inside the method). */
@Service
public class Greeter {

    @Timed(
            value = "greet.call",
            extraTags = {"lang", "en"})
    public String greet(String name) {
        return "hello " + name;
    }
}
