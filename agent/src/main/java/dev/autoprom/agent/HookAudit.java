package dev.autoprom.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * Checks, once per class loader, that a library has every method a module needs: each hook's class (or each of
 * the module's classes) is read from its class file through a type pool, nothing is loaded, and each need is
 * found matched (where) or missed (why: class absent, or no method of the class matches). Run for each loader in
 * which one of the module's classes was transformed, at the next scrape or {@code /autoprom} request, so a
 * library that changed is reported within seconds of its loading, not when a missing method would have run.
 */
final class HookAudit {

    private HookAudit() {}

    /** One need's result in one loader. */
    static final class Result {
        final Need need;
        final boolean matched;
        final String detail;

        Result(Need need, boolean matched, String detail) {
            this.need = need;
            this.matched = matched;
            this.detail = detail;
        }
    }

    static List<Result> check(List<Need> needs, Collection<String> moduleClasses, TypePool pool) {
        List<Result> results = new ArrayList<>(needs.size());
        for (Need need : needs) {
            List<String> misses = new ArrayList<>(2);
            String where = null;
            for (Hook hook : need.hooks) {
                where = find(
                        hook,
                        hook.className != null ? List.of(hook.className) : moduleClasses,
                        pool,
                        misses,
                        need.hooks.size() > 1);
                if (where != null) {
                    break;
                }
            }
            results.add(
                    where != null ? new Result(need, true, where) : new Result(need, false, String.join("; ", misses)));
        }
        return results;
    }

    /** Where {@code hook} matches among {@code classes}, or null with the reasons added to {@code misses}. */
    private static String find(
            Hook hook, Collection<String> classes, TypePool pool, List<String> misses, boolean nameTheAlternative) {
        List<String> absent = new ArrayList<>(1);
        List<String> without = new ArrayList<>(1);
        for (String className : classes) {
            try {
                TypePool.Resolution resolution = pool.describe(className);
                if (!resolution.isResolved()) {
                    absent.add(className);
                    continue;
                }
                TypeDescription type = resolution.resolve();
                String match = hook.firstMatch(type);
                if (match != null) {
                    return match;
                }
                without.add(className);
            } catch (RuntimeException | LinkageError unreadable) {
                without.add(className + " (unreadable: " + unreadable + ")");
            }
        }
        StringBuilder why = new StringBuilder();
        if (nameTheAlternative) {
            why.append(hook.adviceName()).append(": ");
        }
        if (!without.isEmpty()) {
            why.append("no method of ")
                    .append(String.join(", ", without))
                    .append(" matches ")
                    .append(hook.methods);
        }
        if (!absent.isEmpty()) {
            why.append(without.isEmpty() ? "" : "; ")
                    .append("class not found: ")
                    .append(String.join(", ", absent));
        }
        misses.add(why.toString());
        return null;
    }
}
