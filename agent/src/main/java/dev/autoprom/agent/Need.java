package dev.autoprom.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a module needs from its library: one hook, or several alternatives of which a library version has one
 * (declared with {@code adviseOneOf}). Its state comes from {@link HookAudit}: unchecked until the library is
 * first seen; missed as soon as one class loader's copy of the library lacks it (the first miss is kept).
 */
final class Need {

    final String name;
    final List<Hook> hooks = new ArrayList<>(1);
    /** Null until checked, then whether every loader's library had it. */
    private Boolean matched;
    /** Where it matched ({@code Class#method(..)}), or why it did not. */
    private String detail;
    /** The library it was checked against (of the first miss, else of the first match). */
    private String library;

    Need(String name) {
        this.name = name;
    }

    /** Records one loader's result; returns true when this is the need's first miss. */
    synchronized boolean checked(boolean found, String foundDetail, String foundLibrary) {
        if (found) {
            if (matched == null) {
                matched = Boolean.TRUE;
                detail = foundDetail;
                library = foundLibrary;
            }
            return false;
        }
        boolean firstMiss = !Boolean.FALSE.equals(matched);
        if (firstMiss) {
            matched = Boolean.FALSE;
            detail = foundDetail;
            library = foundLibrary;
        }
        return firstMiss;
    }

    synchronized Boolean matched() {
        return matched;
    }

    synchronized String detail() {
        return detail;
    }

    synchronized String library() {
        return library;
    }

    synchronized boolean missed() {
        return Boolean.FALSE.equals(matched);
    }

    /** Transformed classes on which one of its hooks matched a method. */
    int matchedClasses() {
        int sum = 0;
        for (Hook hook : hooks) {
            sum += hook.matchedClasses.get();
        }
        return sum;
    }

    List<Hook> hooks() {
        return Collections.unmodifiableList(hooks);
    }
}
