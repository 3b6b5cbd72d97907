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
    /** Constant-pool indices of method-name matches remembered per class; more means "candidate". */
    private static final int MAX_NAME_MATCHES = 4;

    private final boolean everyClass;
    private final Set<String> internalNames;
    /** Words indexed by their length in bytes: {@code methodNames[n]} holds the method names of n bytes. */
    private final byte[][][] methodNames;

    private final byte[][][] poolStrings;

    private CandidateFilter(
            boolean everyClass, Set<String> internalNames, Set<String> methodNames, Set<String> poolStrings) {
        this.everyClass = everyClass;
        this.internalNames = internalNames;
        this.methodNames = byLength(methodNames);
        this.poolStrings = byLength(poolStrings);
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
        if (methodNames.length == 0 && poolStrings.length == 0) {
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
            switch (b[pos]) {
                case UTF8:
                    int length = u2(b, pos + 1);
                    if (isOneOf(poolStrings, b, pos + 3, length)) {
                        return true;
                    }
                    if (isOneOf(methodNames, b, pos + 3, length)) {
                        if (matches == MAX_NAME_MATCHES) {
                            return true;
                        }
                        switch (matches++) {
                            case 0:
                                match0 = index;
                                break;
                            case 1:
                                match1 = index;
                                break;
                            case 2:
                                match2 = index;
                                break;
                            default:
                                match3 = index;
                                break;
                        }
                    }
                    pos += 3 + length;
                    break;
                case 7:
                case 8:
                case 16:
                case 19:
                case 20: // Class, String, MethodType, Module, Package
                    pos += 3;
                    break;
                case 15: // MethodHandle
                    pos += 4;
                    break;
                case 3:
                case 4:
                case 9:
                case 10:
                case 11:
                case 12:
                case 17:
                case 18:
                    pos += 5;
                    break;
                case 5:
                case 6: // Long and Double take two constant-pool slots
                    pos += 9;
                    index++;
                    break;
                default:
                    return true; // a class-file version newer than this code: let the matchers decide
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

    private static boolean isOneOf(byte[][][] table, byte[] b, int start, int length) {
        if (length >= table.length || table[length] == null) {
            return false;
        }
        for (byte[] word : table[length]) {
            int i = 0;
            while (i < length && word[i] == b[start + i]) {
                i++;
            }
            if (i == length) {
                return true;
            }
        }
        return false;
    }

    private static int u2(byte[] b, int pos) {
        return ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
    }

    private static int u4(byte[] b, int pos) {
        return ((b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
    }
}
