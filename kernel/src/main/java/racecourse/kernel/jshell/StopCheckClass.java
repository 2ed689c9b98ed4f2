package racecourse.kernel.jshell;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The class the JDK's stop-check weaving calls ({@code REPL.$Cancel$.stopCheck()} at every method
 * start and loop back-edge of snippet code). The JDK's own version stops every snippet at once;
 * ours asks {@link racecourse.kernel.threads.Stops} whether the calling thread's cell was stopped.
 * It is put on the class path as a file so that the weaving is not applied to it.
 */
final class StopCheckClass {
    static final String NAME = "REPL/$Cancel$";
    private static final Path FOLDER = write();

    private StopCheckClass() {
    }

    static Path folder() {
        return FOLDER;
    }

    private static Path write() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, NAME, null, "java/lang/Object", null);
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "stopCheck", "()V", null, null);
        m.visitCode();
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "racecourse/kernel/threads/Stops", "check", "()V", false);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        try {
            Path folder = Files.createTempDirectory("racecourse-stopcheck-");
            Path file = folder.resolve(NAME + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, cw.toByteArray());
            file.toFile().deleteOnExit();
            file.getParent().toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
