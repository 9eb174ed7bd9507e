import org.taskhost.api.TaskBase;

/** iocmng's MyMonitor: reads a sensor every interval, publishes READING, and raises ALARM above the threshold. */
public class Monitor extends TaskBase {

    private double phase;

    @Override
    public void initialize() {
        logger().log(System.Logger.Level.INFO, "Starting monitor, threshold " + parameters().getDouble("threshold", 75.0));
    }

    @Override
    public void execute() {
        double value = readSensor();
        pv("READING").set(value);
        pv("ALARM").set(value > parameters().getDouble("threshold", 75.0) ? 1 : 0);
    }

    @Override
    public void cleanup() {
        logger().log(System.Logger.Level.INFO, "Stopping monitor");
    }

    /** A simulated sensor that swings around SETPOINT. */
    private double readSensor() {
        phase += 0.1;
        return pv("SETPOINT").getDouble() + 30.0 * Math.sin(phase);
    }
}
