package racecourse.cli.kernel;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racecourse.cli.CommandFailure;
import racecourse.kernel.install.KernelSpecInstaller;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code racecourse kernel install [--user | --sys-prefix | --prefix DIR]}. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Install the kernelspec 'racecourse' (display name \"Java (Racecourse)\").",
                "It runs on the JDK this command runs on, by absolute path."})
public final class KernelInstallCommand implements Callable<Integer> {

    static final class Where {
        @Option(names = "--user", description = "Into the user's Jupyter data folder (the default).")
        boolean user;
        @Option(names = "--sys-prefix",
                description = "Into the active virtual environment or conda environment.")
        boolean sysPrefix;
        @Option(names = "--prefix", paramLabel = "DIR", description = "Into DIR/share/jupyter/kernels.")
        Path prefix;
    }

    @ArgGroup(exclusive = true)
    Where where = new Where();

    @Option(names = "--no-training",
            description = "Skip running a few cells to pre-build the class-data archive (faster install, slower first start).")
    boolean noTraining;

    @Override
    public Integer call() throws IOException {
        Path kernels = JupyterPaths.kernelsDir(where.user, where.sysPrefix, where.prefix);
        KernelSpecInstaller installer = new KernelSpecInstaller(Path.of(System.getProperty("java.home")), kernelJars());
        Path spec = installer.install(kernels);
        System.out.println("Installed kernelspec " + KernelSpecInstaller.NAME + " in " + spec);
        if (!noTraining) {
            installer.train(spec).ifPresent(why -> System.err.println(
                    "racecourse kernel install: could not pre-build the startup cache (" + why
                            + "); the kernel works, only its first cell is slower"));
        }
        return 0;
    }

    /**
     * The jars this command runs from: the kernel and its libraries, and this command line itself,
     * which the kernel's %grade runs in a child JVM ({@code racecourse.cli.Main grade}).
     */
    private static List<Path> kernelJars() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (name.endsWith(".jar") && Files.isRegularFile(p)) {
                jars.add(p);
            }
        }
        if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith("racecourse-kernel"))) {
            throw new CommandFailure("the kernel is not built yet: run 'make build' (or bin/racecourse, which builds it)");
        }
        return jars;
    }
}
