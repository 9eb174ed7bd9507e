import org.taskhost.api.TaskBase;

/** A reactive task: every put to RAW or GAIN recomputes SCALED = RAW * GAIN + OFFSET. */
public class Scaler extends TaskBase {

    @Override
    public void initialize() {
        logger().log(System.Logger.Level.INFO, "Scaler ready");
    }

    @Override
    public void onPut(String pv, Object value) {
        logger().log(System.Logger.Level.INFO, pv + " <- " + value);
    }

    @Override
    public void execute() {
        double scaled = pv("RAW").getDouble() * pv("GAIN").getDouble() + parameters().getDouble("offset", 0.0);
        pv("SCALED").set(scaled);
        setMessage("SCALED = " + scaled);
    }

    @Override
    public void cleanup() {
        logger().log(System.Logger.Level.INFO, "Scaler stopped");
    }
}
