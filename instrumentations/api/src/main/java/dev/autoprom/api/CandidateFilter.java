package dev.autoprom.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The union of the enabled modules' {@link CandidateTypes}, asked about every class file the JVM loads before
 * ByteBuddy sees it: a set lookup on the name, then one pass over the raw class file: constant-pool UTF-8
 * entries of a matching length are compared byte by byte, and when one is an advised method's name, the
 * methods table is checked for a method declared with it (a class that only calls {@code execute} is not a
 * candidate). No allocation, no class parsing, no class loader lookups; a class file this code does not
 * understand is passed on (a candidate), never dropped.
 */
public final class CandidateFilter {

    private static final int UTF8 = 1;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    /**
     * The bytes each constant-pool tag takes after the tag byte; 0 for UTF-8 (its own length follows) and for
     * tags this code does not know (a newer class-file version: the class is passed on).
     */
    private static final byte[] ENTRY_SIZE = new byte[21];

    static {
        // Integer, Float, Fieldref, Methodref, InterfaceMethodref, NameAndType, Dynamic, InvokeDynamic
        for (int tag : new int[] {3, 4, 9, 10, 11, 12, 17, 18}) {
            ENTRY_SIZE[tag] = 4;
        }
        ENTRY_SIZE[LONG] = 8;
        ENTRY_SIZE[DOUBLE] = 8;
        // Class, String, MethodType, Module, Package
        for (int tag : new int[] {7, 8, 16, 19, 20}) {
            ENTRY_SIZE[tag] = 2;
        }
        ENTRY_SIZE[15] = 3; // MethodHandle
    }

    /** Constant-pool indices of method-name matches remembered per class; more means "candidate". */
    private static final int MAX_NAME_MATCHES = 4;
    /** What {@link #find} returns for a word it does not look for. */
    private static final int NOT_FOUND = -1;

    private final boolean everyClass;
    private final Set<String> internalNames;
    /**
     * The words looked for, indexed by their length in bytes: {@code words[n]} holds those of n bytes, and
     * {@code isPoolString[n][i]} says whether {@code words[n][i]} makes a class a candidate wherever it stands
     * in the constant pool (an annotation's or a type's name) rather than only as a declared method's name.
     * One table, so that the scan's inner loop (the code the JIT compiles for every class loaded) is one lookup.
     */
    private final byte[][][] words;

    private final boolean[][] isPoolString;

    private CandidateFilter(
            boolean everyClass, Set<String> internalNames, Set<String> methodNames, Set<String> poolStrings) {
        this.everyClass = everyClass;
        this.internalNames = internalNames;
        Set<String> all = new HashSet<>(methodNames);
        all.addAll(poolStrings);
        this.words = byLength(all);
        this.isPoolString = new boolean[words.length][];
        for (int length = 0; length < words.length; length++) {
            if (words[length] != null) {
                isPoolString[length] = new boolean[words[length].length];
                for (int i = 0; i < words[length].length; i++) {
                    isPoolString[length][i] =
                            poolStrings.contains(new String(words[length][i], StandardCharsets.UTF_8));
                }
            }
        }
    }

    public static CandidateFilter of(Iterable<CandidateTypes> candidates) {
        Set<String> names = new HashSet<>();
        Set<String> methods = new HashSet<>();
        Set<String> strings = new HashSet<>();
        boolean everyClass = false;
        for (CandidateTypes c : candidates) {
            everyClass |= c.isAny();
            names.addAll(c.internalNames());
            methods.addAll(c.methodNames());
            strings.addAll(c.constantPoolStrings());
        }
        return new CandidateFilter(everyClass, names, methods, strings);
    }

    private static byte[][][] byLength(Set<String> words) {
        int maxLength = 0;
        for (String word : words) {
            maxLength = Math.max(maxLength, word.getBytes(StandardCharsets.UTF_8).length);
        }
        byte[][][] table = new byte[words.isEmpty() ? 0 : maxLength + 1][][];
        for (String word : words) {
            byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
            byte[][] same = table[bytes.length];
            byte[][] grown = same == null ? new byte[1][] : Arrays.copyOf(same, same.length + 1);
            grown[grown.length - 1] = bytes;
            table[bytes.length] = grown;
        }
        return table;
    }

    /** Whether any enabled module could transform this class. {@code internalName} uses slashes. */
    public boolean isCandidate(String internalName, byte[] classFile) {
        if (everyClass || internalNames.contains(internalName)) {
            return true;
        }
        if (words.length == 0) {
            return false;
        }
        try {
            return scan(classFile);
        } catch (ArrayIndexOutOfBoundsException malformed) {
            return true; // the JVM will reject it anyway; the matchers decide as they always did
        }
    }

    private boolean scan(byte[] b) {
        int count = u2(b, 8);
        int pos = 10;
        int matches = 0;
        int match0 = 0;
        int match1 = 0;
        int match2 = 0;
        int match3 = 0;
        for (int index = 1; index < count; index++) {
            int tag = b[pos];
            if (tag == UTF8) {
                int length = u2(b, pos + 1);
                int found = find(b, pos + 3, length);
                if (found != NOT_FOUND) {
                    if (isPoolString[length][found] || matches == MAX_NAME_MATCHES) {
                        return true;
                    }
                    // rare: a class declaring or calling an advised method's name
                    if (matches == 0) {
                        match0 = index;
                    } else if (matches == 1) {
                        match1 = index;
                    } else if (matches == 2) {
                        match2 = index;
                    } else {
                        match3 = index;
                    }
                    matches++;
                }
                pos += 3 + length;
                continue;
            }
            int size = tag > 0 && tag < ENTRY_SIZE.length ? ENTRY_SIZE[tag] : 0;
            if (size == 0) {
                return true; // a class-file version newer than this code: let the matchers decide
            }
            pos += 1 + size;
            if (tag == LONG || tag == DOUBLE) {
                index++; // they take two constant-pool slots
            }
        }
        if (matches == 0) {
            return false;
        }
        // access, this, super, then the interfaces, the fields and finally the methods table
        pos += 6;
        pos += 2 + 2 * u2(b, pos);
        pos = skipMembers(b, pos);
        int methods = u2(b, pos);
        pos += 2;
        for (int i = 0; i < methods; i++) {
            int name = u2(b, pos + 2);
            // unused slots hold 0, which is never a constant-pool index
            if (name == match0 || name == match1 || name == match2 || name == match3) {
                return true;
            }
            pos = skipAttributes(b, pos + 6);
        }
        return false;
    }

    /** Skips a fields table: count, then per field access, name, descriptor and attributes. */
    private static int skipMembers(byte[] b, int pos) {
        int members = u2(b, pos);
        pos += 2;
        for (int i = 0; i < members; i++) {
            pos = skipAttributes(b, pos + 6);
        }
        return pos;
    }

    private static int skipAttributes(byte[] b, int pos) {
        int attributes = u2(b, pos);
        pos += 2;
        for (int i = 0; i < attributes; i++) {
            pos += 6 + u4(b, pos + 2);
        }
        return pos;
    }

    /** The index in {@code words[length]} of the word at {@code start}, or {@link #NOT_FOUND}. */
    private int find(byte[] b, int start, int length) {
        byte[][] same = length < words.length ? words[length] : null;
        if (same == null) {
            return NOT_FOUND;
        }
        for (int w = 0; w < same.length; w++) {
            byte[] word = same[w];
            int i = 0;
            while (i < length && word[i] == b[start + i]) {
                i++;
            }
            if (i == length) {
                return w;
            }
        }
        return NOT_FOUND;
    }

    private static int u2(byte[] b, int pos) {
        return ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
    }

    private static int u4(byte[] b, int pos) {
        return ((b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
    }
}
