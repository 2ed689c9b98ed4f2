package racecourse.kernel;

/** Placeholder until the kernel lands. */
public final class Main {
    public static void main(String[] args) {
        System.err.println("racecourse kernel: not built yet");
        System.exit(2);
    }
}
