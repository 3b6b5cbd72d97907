package dev.autoprom.instrumentation.methods;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.InstrumentationModule;
import dev.autoprom.api.Targets;
import dev.autoprom.instrumentation.methods.config.ConfiguredMethods;
import dev.autoprom.instrumentation.methods.micrometer.MicrometerAnnotations;
import dev.autoprom.instrumentation.methods.microprofile.MicroProfileAnnotations;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Methods annotated with Micrometer's or MicroProfile's {@code @Timed}/{@code @Counted} (on the method or its
 * class) and methods named in {@code autoprom.methods.file}: one module, so that a method named by several of
 * them is intercepted once. The pre-filter finds annotated classes by the annotations' descriptors in the raw
 * class file and configured ones by name, so every other class costs a scan of its constant pool and nothing
 * more. The advice is inlined into the method itself: self-invocation, private, final and static methods are
 * recorded, unlike with an AOP proxy.
 */
public final class MethodCallsInstrumentation implements InstrumentationModule {

    static final String[] ANNOTATIONS = {
        MicrometerAnnotations.TIMED,
        MicrometerAnnotations.TIMED_SET,
        MicrometerAnnotations.COUNTED,
        MicroProfileAnnotations.TIMED,
        MicroProfileAnnotations.COUNTED
    };

    private volatile Targets targets;

    @Override
    public String family() {
        return "methods";
    }

    @Override
    public String name() {
        return "method-calls";
    }

    /** Built on first use: the methods file is installed after the modules are discovered, before this is asked. */
    @Override
    public Targets targets() {
        Targets built = targets;
        if (built == null) {
            String[] classes = ConfiguredMethods.classNames().toArray(new String[0]);
            built = Targets.annotatedWith(ANNOTATIONS).or(Targets.named(classes).and(new ClassSeen(classes)));
            targets = built;
        }
        return built;
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(MethodSpecs.matcher(false), MethodAdvice.class.getName())
                .advise(MethodSpecs.matcher(true), MethodAdvice.WithArguments.class.getName());
    }

    /** A configured class, seen: its configured methods are checked (and a missing one logged) right away. */
    private static final class ClassSeen extends ElementMatcher.Junction.AbstractBase<TypeDescription> {
        private final ElementMatcher<TypeDescription> named;

        ClassSeen(String[] classes) {
            this.named = namedOneOf(classes);
        }

        @Override
        public boolean matches(TypeDescription type) {
            if (named.matches(type)) {
                ConfiguredMethods.classSeen(type);
                return true;
            }
            return false;
        }
    }
}
