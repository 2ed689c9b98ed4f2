package racecourse.grader.explain.scenarios;

import exercises.LockFreeStack;

/** Two threads push one item each onto a new stack; then both items must pop, each once. */
public final class LockFreeStackScenario implements Runnable {
    @Override
    public void run() {
        LockFreeStack<Integer> stack = new LockFreeStack<>();
        Workers.runAll(new Pusher(stack, 1), new Pusher(stack, 2));
        Integer first = stack.pop();
        Integer second = stack.pop();
        Integer third = stack.pop();
        boolean both = first != null && second != null && first + second == 3 && !first.equals(second);
        if (!both || third != null) {
            throw new BrokenInvariant("Thread 1 pushed 1 and Thread 2 pushed 2, but three pops then returned "
                    + first + ", " + second + ", " + third + " (expected 1 and 2 in either order, then null)");
        }
    }

    private static final class Pusher extends Thread {
        private final LockFreeStack<Integer> stack;
        private final int item;

        Pusher(LockFreeStack<Integer> stack, int item) {
            this.stack = stack;
            this.item = item;
        }

        @Override
        public void run() {
            stack.push(item);
        }
    }
}
