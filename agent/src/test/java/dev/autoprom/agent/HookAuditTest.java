package dev.autoprom.agent;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.CandidateTypes;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatchers;
import org.junit.jupiter.api.Test;

/**
 * The hook check of a module that names its classes, on real class files read through a type pool (the JDK's
 * own classes stand in for a library): a hook found, a hook whose method is gone, a hook whose class is gone,
 * and a need met by the second of two alternatives.
 */
class HookAuditTest {

    private static final String LIST = "java.util.ArrayList";
    private static final String GONE = "java.util.NoSuchListAnyMore";

    private final InstallReport report = new InstallReport();

    private ModuleTransformation module(String name) {
        InstallReport.Entry entry = report.add("test", name, true);
        ModuleTransformation module = new ModuleTransformation(
                entry, ElementMatchers.any(), ElementMatchers.any(), CandidateTypes.named(LIST, GONE), false);
        entry.needs(module.needs(), module.checksHooks(), module::checkPendingHooks);
        return module;
    }

    /** One of the module's classes is transformed, then the exporter asks (a scrape, /autoprom). */
    private void seeLibrary(ModuleTransformation module) {
        module.inspect(
                HookAuditTest.class.getClassLoader(), TypeDescription.ForLoadedType.of(java.util.ArrayList.class));
        assertThat(module.needs())
                .allSatisfy(n ->
                        assertThat(n.matched()).as("checked only when asked").isNull());
        report.checkPendingHooks();
    }

    @Test
    void everyNeedFoundMeansApplied() {
        ModuleTransformation module = module("found");
        module.advise(LIST, named("add").and(takesArguments(1)), "x.AddAdvice")
                .adviseOneOf("size", GONE, named("size"), "x.OldSizeAdvice")
                .adviseOneOf("size", LIST, named("size"), "x.NewSizeAdvice");
        seeLibrary(module);
        List<Need> needs = module.needs();
        assertThat(needs).extracting(n -> n.name).containsExactly("AddAdvice", "size");
        assertThat(needs).allSatisfy(n -> assertThat(n.matched()).isTrue());
        assertThat(needs.get(0).detail()).isEqualTo("java.util.ArrayList#add(Object)");
        assertThat(needs.get(1).detail()).isEqualTo("java.util.ArrayList#size()");
        assertThat(needs.get(0).library()).startsWith("JDK ");
        assertThat(module.entry.missedNeeds()).isZero();
        assertThat(needs.get(0).matchedClasses()).isEqualTo(1);
    }

    @Test
    void aMethodOrClassThatIsGoneIsAMissWithItsReason() {
        ModuleTransformation module = module("missed");
        module.advise(LIST, named("add").and(takesArguments(1)), "x.AddAdvice")
                .advise(LIST, named("addEverything"), "x.RenamedAdvice")
                .advise(GONE, named("anything"), "x.GoneClassAdvice")
                .advise(named("nowhere"), "x.AnyClassAdvice");
        seeLibrary(module);
        List<Need> needs = module.needs();
        assertThat(needs).extracting(Need::missed).containsExactly(false, true, true, true);
        assertThat(needs.get(1).detail())
                .startsWith("no method of java.util.ArrayList matches ")
                .contains("addEverything");
        assertThat(needs.get(2).detail()).isEqualTo("class not found: " + GONE);
        assertThat(needs.get(3).detail())
                .startsWith("no method of java.util.ArrayList matches ")
                .endsWith("; class not found: " + GONE);
        assertThat(module.entry.missedNeeds()).isEqualTo(3);
        assertThat(module.entry.applied()).isFalse();
    }

    @Test
    void aNeedWithAlternativesNamesEachWhenAllAreGone() {
        ModuleTransformation module = module("alternatives");
        module.adviseOneOf("created", GONE, named("call"), "x.TaskAdvice")
                .adviseOneOf("created", LIST, named("createAndPool"), "x.PoolAdvice");
        seeLibrary(module);
        assertThat(module.needs().get(0).detail())
                .startsWith("TaskAdvice: class not found: " + GONE
                        + "; PoolAdvice: no method of java.util.ArrayList matches ");
    }

    @Test
    void aNeedIsUncheckedUntilItsLibraryIsSeen() {
        ModuleTransformation module = module("unseen");
        module.advise(LIST, named("add"), "x.AddAdvice");
        assertThat(module.needs().get(0).matched()).isNull();
        assertThat(module.entry.missedNeeds()).isZero();
    }
}
