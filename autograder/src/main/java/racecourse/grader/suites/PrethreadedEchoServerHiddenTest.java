package racecourse.grader.suites;

import exercises.PrethreadedEchoServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.LineClient;
import racecourse.grader.harness.Stress;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static racecourse.grader.harness.Verdict.FUNCTIONAL;
import static racecourse.grader.harness.Verdict.HANG;
import static racecourse.grader.harness.Verdict.RACE;

class PrethreadedEchoServerHiddenTest {
    @Test
    @DisplayName("16 clients at once with 4 workers, 30 lines each, one slow reader among them")
    void manyClients() throws Exception {
        try (PrethreadedEchoServer s = new PrethreadedEchoServer(0, 4)) {
            AtomicInteger wrong = new AtomicInteger();
            Stress.parallel("client", 16, Duration.ofSeconds(15), RACE, i -> {
                try (LineClient c = new LineClient(s.port(), 8000)) {
                    for (int k = 0; k < 30; k++) {
                        String line = "client " + i + " line " + k;
                        if (i == 0) {
                            c.send(line + "\n");
                            Stress.pause(2);
                            if (!line.equals(c.readLine())) {
                                wrong.incrementAndGet();
                            }
                        } else if (!line.equals(c.echo(line))) {
                            wrong.incrementAndGet();
                        }
                    }
                } catch (SocketTimeoutException e) {
                    throw new racecourse.grader.harness.VerdictFailure(HANG, "client " + i + " got no echo within 8 s");
                }
            });
            Check.that(wrong.get() == 0, FUNCTIONAL, wrong.get() + " echoes were wrong");
        }
    }
}
