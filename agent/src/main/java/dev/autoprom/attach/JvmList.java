package dev.autoprom.attach;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code list}: the JVMs this user can attach to, from the JDK's own discovery (the same as {@code jps}): JVMs of
 * other users, and JVMs started with {@code -XX:+DisableAttachMechanism} or {@code -XX:-UsePerfData}, are not
 * listed. Nothing is sent to any of them. Only the first word of each command line is shown (its main class or
 * jar): the rest are the application's arguments, which may hold secrets.
 */
final class JvmList {

    private JvmList() {}

    static void print(PrintStream out) {
        String self = Long.toString(ProcessHandle.current().pid());
        List<VirtualMachineDescriptor> vms = new ArrayList<>(VirtualMachine.list());
        vms.removeIf(vm -> vm.id().equals(self));
        vms.sort(Comparator.comparingLong(JvmList::pid));
        if (vms.isEmpty()) {
            out.println("no JVM to attach to (JVMs of other users are not listed: run this command as their user)");
            return;
        }
        out.println(String.format("%-8s %s", "PID", "MAIN"));
        for (VirtualMachineDescriptor vm : vms) {
            out.println(String.format("%-8s %s", vm.id(), mainOf(vm)));
        }
    }

    private static String mainOf(VirtualMachineDescriptor vm) {
        String name = vm.displayName().trim();
        if (name.isEmpty() || name.equals(vm.id())) {
            return "(unknown)";
        }
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    private static long pid(VirtualMachineDescriptor vm) {
        try {
            return Long.parseLong(vm.id());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
