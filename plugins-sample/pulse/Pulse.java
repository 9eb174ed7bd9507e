import java.time.Instant;

import org.taskhost.api.TaskBase;

/** A triggered task: each put of 1 to RUN fires one shot of WIDTH seconds and counts it. */
public class Pulse extends TaskBase {

    @Override
    public void initialize() {
        logger().log(System.Logger.Level.INFO, "Pulse ready");
    }

    @Override
    public void execute() throws InterruptedException {
        Thread.sleep((long) (pv("WIDTH").getDouble() * 1000));
        pv("SHOTS").set((long) pv("SHOTS").getDouble() + 1);
        pv("LAST_SHOT").set(Instant.now().toString().substring(0, 19));
        setMessage("Shot " + (long) pv("SHOTS").getDouble() + " fired");
    }

    @Override
    public void cleanup() {
        logger().log(System.Logger.Level.INFO, "Pulse stopped after " + (long) pv("SHOTS").getDouble() + " shots");
    }
}
