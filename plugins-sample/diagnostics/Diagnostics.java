import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import org.taskhost.api.JobBase;
import org.taskhost.api.JobResult;

/** A job: each run collects a few facts about the JVM and returns them as the result's data. */
public class Diagnostics extends JobBase {

    @Override
    public void initialize() {
        logger().log(System.Logger.Level.INFO, "Preparing diagnostics");
    }

    @Override
    public JobResult execute() {
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("status", "healthy");
        info.put("uptime_ms", ManagementFactory.getRuntimeMXBean().getUptime());
        info.put("heap_used_mb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        info.put("processors", rt.availableProcessors());
        pv("SYSTEM_NAME").set(info.get("status"));
        return JobResult.ok(info, "Diagnostics OK");
    }
}
