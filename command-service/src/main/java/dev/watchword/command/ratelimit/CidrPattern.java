package dev.watchword.command.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns CIDR blocks into the regular expression Tomcat's RemoteIpValve matches remote addresses with. Tomcat
 * writes an IPv4 address as four decimal octets and an IPv6 address as eight hex groups without leading zeros
 * and without {@code ::} ({@code InetAddress.getHostAddress()}), so each octet or group becomes a numeric range.
 */
final class CidrPattern {

    private static final String HEX = "0123456789abcdef";
    private static final String NOTHING = "(?!)";

    private CidrPattern() {}

    static String anyOf(List<String> blocks) {
        if (blocks.isEmpty()) {
            return NOTHING;
        }
        return String.join("|", blocks.stream().map(CidrPattern::of).toList());
    }

    /** @throws IllegalArgumentException unless {@code block} is an IP address with an optional /prefix */
    static String of(String block) {
        int slash = block.indexOf('/');
        String address = slash < 0 ? block : block.substring(0, slash);
        byte[] bytes = parse(address);
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(block.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a CIDR block: " + block);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("Not a CIDR block: " + block);
        }
        return bytes.length == 4 ? ipv4(bytes, prefix) : ipv6(bytes, prefix);
    }

    private static byte[] parse(String address) {
        // Literals only: a host name here would mean a DNS look-up at startup and a list that silently changes.
        if (!address.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("Not an IP address: " + address);
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: " + address, e);
        }
    }

    private static String ipv4(byte[] bytes, int prefix) {
        List<String> octets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int[] range = prefixRange(bytes[i] & 0xff, prefix - 8 * i, 8);
            octets.add(range(range[0], range[1], 10));
        }
        return String.join("\\.", octets);
    }

    private static String ipv6(byte[] bytes, int prefix) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int value = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
            int[] range = prefixRange(value, prefix - 16 * i, 16);
            groups.add(range(range[0], range[1], 16));
        }
        // Tomcat may append the zone of a link-local address ("fe80:0:0:0:0:0:0:1%eth0").
        return "(?i:" + String.join(":", groups) + ")(?:%.+)?";
    }

    /** The values a field of {@code width} bits can take when {@code fixedBits} of its high bits are fixed. */
    private static int[] prefixRange(int value, int fixedBits, int width) {
        int fixed = Math.max(0, Math.min(width, fixedBits));
        int free = width - fixed;
        int low = free == width ? 0 : (value >>> free) << free;
        return new int[] {low, low + (1 << free) - 1};
    }

    /** A regular expression for the numbers low..high written in {@code radix} without leading zeros. */
    static String range(int low, int high, int radix) {
        List<String> parts = new ArrayList<>();
        int width = 1;
        int widthLow = 0;
        while (widthLow <= high) {
            int widthHigh = (int) Math.min((long) Math.pow(radix, width) - 1, Integer.MAX_VALUE);
            int from = Math.max(low, widthLow);
            int to = Math.min(high, widthHigh);
            if (from <= to) {
                parts.add(sameWidth(digits(from, radix, width), digits(to, radix, width), radix));
            }
            widthLow = widthHigh + 1;
            width++;
        }
        return parts.size() == 1 ? parts.getFirst() : "(?:" + String.join("|", parts) + ")";
    }

    private static String digits(int value, int radix, int width) {
        String text = Integer.toString(value, radix);
        return "0".repeat(width - text.length()) + text;
    }

    /** Classic range-to-regex over two numbers of the same number of digits. */
    private static String sameWidth(String low, String high, int radix) {
        if (low.equals(high)) {
            return low;
        }
        char lowFirst = low.charAt(0);
        char highFirst = high.charAt(0);
        String lowRest = low.substring(1);
        String highRest = high.substring(1);
        if (lowFirst == highFirst) {
            return lowFirst + sameWidth(lowRest, highRest, radix);
        }
        char maxDigit = HEX.charAt(radix - 1);
        List<String> parts = new ArrayList<>();
        int middleFrom = HEX.indexOf(lowFirst);
        int middleTo = HEX.indexOf(highFirst);
        if (!lowRest.chars().allMatch(c -> c == '0')) {
            parts.add(lowFirst + sameWidth(lowRest, String.valueOf(maxDigit).repeat(lowRest.length()), radix));
            middleFrom++;
        }
        if (!highRest.chars().allMatch(c -> c == maxDigit)) {
            parts.add(highFirst + sameWidth("0".repeat(highRest.length()), highRest, radix));
            middleTo--;
        }
        if (middleFrom <= middleTo) {
            parts.add(digitClass(middleFrom, middleTo) + anyDigits(lowRest.length(), radix));
        }
        return parts.size() == 1 ? parts.getFirst() : "(?:" + String.join("|", parts) + ")";
    }

    private static String digitClass(int from, int to) {
        return from == to ? String.valueOf(HEX.charAt(from)) : "[" + HEX.substring(from, to + 1) + "]";
    }

    private static String anyDigits(int count, int radix) {
        if (count == 0) {
            return "";
        }
        String digit = "[" + HEX.substring(0, radix) + "]";
        return count == 1 ? digit : digit + "{" + count + "}";
    }
}
