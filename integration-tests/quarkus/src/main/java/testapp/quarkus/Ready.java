package testapp.quarkus;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;

/** Prints the port Quarkus bound (quarkus.http.port=0 picks a free one) in the line the test waits for. */
public class Ready {

    void onStart(@Observes StartupEvent event) {
        System.out.println("ready port=" + System.getProperty("quarkus.http.port"));
    }
}
