package racecourse.cli.kernel;

import racecourse.cli.CommandFailure;

import java.nio.file.Path;
import java.util.Locale;

/** Where Jupyter looks for kernelspecs, as jupyter_core decides it. */
final class JupyterPaths {
    private JupyterPaths() {
    }

    static Path kernelsDir(boolean user, boolean sysPrefix, Path prefix) {
        if (prefix != null) {
            return prefix.resolve("share").resolve("jupyter").resolve("kernels");
        }
        if (sysPrefix) {
            String env = firstSet("VIRTUAL_ENV", "CONDA_PREFIX");
            if (env == null) {
                throw new CommandFailure("--sys-prefix needs an active virtual environment or conda environment"
                        + " (VIRTUAL_ENV or CONDA_PREFIX); activate one or use --prefix DIR");
            }
            return Path.of(env).resolve("share").resolve("jupyter").resolve("kernels");
        }
        return userDataDir().resolve("kernels");
    }

    static Path userDataDir() {
        String explicit = System.getenv("JUPYTER_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Jupyter");
        }
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home).resolve("jupyter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share"))
                .resolve("jupyter");
    }

    private static String firstSet(String... names) {
        for (String n : names) {
            String v = System.getenv(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
