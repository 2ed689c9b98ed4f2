package racecourse.kernel;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Rewrites method calls in a class file, one call site at a time (ASM underneath). */
public final class CallSites {
    private CallSites() {
    }

    /** Sees each call; emits what replaces it and returns true, or returns false to keep it. */
    @FunctionalInterface
    public interface Rewrite {
        boolean rewrite(MethodVisitor out, int opcode, String owner, String name, String desc, boolean itf);
    }

    /** The rewritten class, or the very same array when no call was rewritten. */
    public static byte[] rewrite(byte[] classFile, Rewrite rewrite) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                MethodVisitor out = super.visitMethod(access, name, desc, sig, exceptions);
                return new MethodVisitor(Opcodes.ASM9, out) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String d, boolean itf) {
                        if (rewrite.rewrite(out, opcode, owner, method, d, itf)) {
                            changed[0] = true;
                        } else {
                            super.visitMethodInsn(opcode, owner, method, d, itf);
                        }
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classFile;
    }
}
