package racecourse.grader.explain.child;

import java.lang.instrument.Instrumentation;

/**
 * The explain child's Java agent ({@code -javaagent:}, see {@link racecourse.grader.explain.AgentJar}):
 * keeps the JVM's Instrumentation for Lincheck, which would otherwise attach one itself at run time.
 * A dynamic attach needs {@code -XX:+EnableDynamicAgentLoading} (JDK 21+ warns without it, and JEP
 * 451 plans to refuse it by default) and the attach socket in {@code /tmp}, which the sandbox makes
 * read-only.
 */
public final class LincheckAgent {
    private static volatile Instrumentation instrumentation;

    private LincheckAgent() {
    }

    public static void premain(String arguments, Instrumentation inst) {
        instrumentation = inst;
    }

    /** The JVM's Instrumentation, or null if this JVM was not started with the agent. */
    public static Instrumentation instrumentation() {
        return instrumentation;
    }
}
