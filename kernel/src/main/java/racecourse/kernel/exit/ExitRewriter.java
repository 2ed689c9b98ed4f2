package racecourse.kernel.exit;

import org.objectweb.asm.Opcodes;
import racecourse.kernel.CallSites;


/**
 * Rewrites calls that would end the kernel's JVM into calls of {@link ExitTrap}. JDK 24 removed the
 * Security Manager, so the calls are changed in the bytecode of cell code itself: snippet classes as
 * JShell loads them and classes compiled by %%javac.
 */
public final class ExitRewriter {
    private static final String TRAP = "racecourse/kernel/exit/ExitTrap";

    private ExitRewriter() {
    }

    /** The class with its exit calls rewritten; the same bytes if it has none. */
    public static byte[] rewrite(byte[] classFile) {
        return CallSites.rewrite(classFile, (out, opcode, owner, method, desc, itf) -> {
            String trap = trapFor(opcode, owner, method, desc);
            if (trap == null) {
                return false;
            }
            out.visitMethodInsn(Opcodes.INVOKESTATIC, TRAP, trap,
                    opcode == Opcodes.INVOKESTATIC ? "(I)V" : "(Ljava/lang/Runtime;I)V", false);
            return true;
        });
    }

    private static String trapFor(int opcode, String owner, String method, String desc) {
        if (!"(I)V".equals(desc)) {
            return null;
        }
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && method.equals("exit")) {
            return "systemExit";
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")) {
            return switch (method) {
                case "exit" -> "runtimeExit";
                case "halt" -> "runtimeHalt";
                default -> null;
            };
        }
        return null;
    }
}
