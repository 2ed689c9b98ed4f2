package racecourse.kernel.jshell;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/** Hands JShell our {@link KernelExecutionControl} and keeps it for value look-ups. */
final class KernelExecutionProvider implements ExecutionControlProvider {
    private volatile KernelExecutionControl control;

    @Override
    public String name() {
        return "racecourse-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new KernelExecutionControl();
        return control;
    }

    KernelExecutionControl control() {
        return control;
    }
}
