package dev.autoprom.agent;

import dev.autoprom.api.CandidateTypes;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The union of the enabled modules' {@link CandidateTypes}, asked about every class file the JVM loads before
 * ByteBuddy sees it: a set lookup on the name, then one pass over the constant pool comparing UTF-8 entries
 * of a matching length byte by byte. No allocation, no class parsing, no class loader lookups; a class file
 * this code does not understand is passed on (a candidate), never dropped.
 */
final class CandidateFilter {

    private static final int UTF8 = 1;

    private final boolean everyClass;
    private final Set<String> internalNames;
    /** Looked-for strings indexed by their length in bytes: {@code byLength[n]} holds the words of n bytes. */
    private final byte[][][] byLength;

    private CandidateFilter(boolean everyClass, Set<String> internalNames, Set<String> strings) {
        this.everyClass = everyClass;
        this.internalNames = internalNames;
        int maxLength = 0;
        for (String s : strings) {
            maxLength = Math.max(maxLength, s.getBytes(StandardCharsets.UTF_8).length);
        }
        byte[][][] table = new byte[maxLength + 1][][];
        for (String s : strings) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            byte[][] same = table[bytes.length];
            byte[][] grown = same == null ? new byte[1][] : java.util.Arrays.copyOf(same, same.length + 1);
            grown[grown.length - 1] = bytes;
            table[bytes.length] = grown;
        }
        this.byLength = table;
    }

    static CandidateFilter of(Iterable<CandidateTypes> candidates) {
        Set<String> names = new HashSet<>();
        Set<String> strings = new HashSet<>();
        boolean everyClass = false;
        for (CandidateTypes c : candidates) {
            everyClass |= c.isAny();
            names.addAll(c.internalNames());
            strings.addAll(c.constantPoolStrings());
        }
        return new CandidateFilter(everyClass, names, strings);
    }

    /** Whether any enabled module could transform this class. {@code internalName} uses slashes. */
    boolean isCandidate(String internalName, byte[] classFile) {
        if (everyClass || internalNames.contains(internalName)) {
            return true;
        }
        return byLength.length > 1 && constantPoolHasAny(classFile);
    }

    private boolean constantPoolHasAny(byte[] b) {
        try {
            int count = u2(b, 8);
            int pos = 10;
            for (int index = 1; index < count; index++) {
                int tag = b[pos];
                switch (tag) {
                    case UTF8:
                        int length = u2(b, pos + 1);
                        if (length < byLength.length && byLength[length] != null
                                && matchesOne(byLength[length], b, pos + 3)) {
                            return true;
                        }
                        pos += 3 + length;
                        break;
                    case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
                        pos += 3;
                        break;
                    case 15: // MethodHandle
                        pos += 4;
                        break;
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                        pos += 5;
                        break;
                    case 5: case 6: // Long and Double take two constant-pool slots
                        pos += 9;
                        index++;
                        break;
                    default:
                        return true; // a class-file version newer than this code: let the matchers decide
                }
            }
            return false;
        } catch (ArrayIndexOutOfBoundsException malformed) {
            return true; // the JVM will reject it anyway; the matchers decide as they always did
        }
    }

    private static boolean matchesOne(byte[][] words, byte[] b, int start) {
        for (byte[] word : words) {
            int i = 0;
            while (i < word.length && word[i] == b[start + i]) {
                i++;
            }
            if (i == word.length) {
                return true;
            }
        }
        return false;
    }

    private static int u2(byte[] b, int pos) {
        return ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
    }
}
