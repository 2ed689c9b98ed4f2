package racecourse.grader.run;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import racecourse.grader.harness.Suites;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tests of an exercise, known to the grader before the child runs (read from the suites' class
 * files with ASM, never by loading them): a test the child does not report, because it was killed
 * or a submission stopped it, is failed rather than forgotten.
 */
public final class TestPlan {
    public record PlannedTest(String id, String name, boolean hidden) {
    }

    private TestPlan() {
    }

    public static List<PlannedTest> of(String exercise) {
        List<PlannedTest> tests = new ArrayList<>();
        for (String suite : Suites.of(exercise)) {
            try (InputStream in = TestPlan.class.getClassLoader().getResourceAsStream(suite.replace('.', '/') + ".class")) {
                if (in != null) {
                    scan(new ClassReader(in.readAllBytes()), Suites.isHidden(suite), tests);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tests;
    }

    private static void scan(ClassReader reader, boolean hidden, List<PlannedTest> out) {
        String simple = reader.getClassName().substring(reader.getClassName().lastIndexOf('/') + 1);
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    boolean test;
                    String display = name;

                    @Override
                    public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                        if (desc.equals("Lorg/junit/jupiter/api/Test;")) {
                            test = true;
                        }
                        if (desc.equals("Lorg/junit/jupiter/api/DisplayName;")) {
                            return new AnnotationVisitor(Opcodes.ASM9) {
                                @Override
                                public void visit(String key, Object value) {
                                    display = String.valueOf(value);
                                }
                            };
                        }
                        return null;
                    }

                    @Override
                    public void visitEnd() {
                        if (test) {
                            out.add(new PlannedTest(simple + "#" + name, display, hidden));
                        }
                    }
                };
            }
        }, ClassReader.SKIP_CODE);
    }
}
