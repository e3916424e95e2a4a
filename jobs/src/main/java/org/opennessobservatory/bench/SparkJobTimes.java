package org.opennessobservatory.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Wall time of each Spark job of a pipeline round and the summed run time of its tasks, to see where a round goes:
 * the parse job, the small counting jobs, the writes, and the driver's time outside any job.
 */
final class SparkJobTimes extends SparkListener {
  /** One finished (or, if its end never arrived, unfinished: {@code endMs} -1) job. */
  record JobTime(int id, long startMs, long endMs, int tasks, long taskMillis, long taskCpuMillis, long gcMillis,
      String callSite) {
    long millis() {
      return endMs < 0 ? 0 : endMs - startMs;
    }
  }

  /** Mutable while the job runs; the listener bus is one thread, but the reader is another. */
  private static final class Job {
    final long startMs;
    final String callSite;
    volatile long endMs = -1;
    int tasks;
    long taskMillis;
    long taskCpuMillis;
    long gcMillis;

    Job(long startMs, String callSite) {
      this.startMs = startMs;
      this.callSite = callSite;
    }
  }

  private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> stageToJob = new ConcurrentHashMap<>();
  /** SQL execution id to the call site of the Dataset action that started it. */
  private final Map<String, String> sqlCallSites = new ConcurrentHashMap<>();

  void clear() {
    jobs.clear();
    stageToJob.clear();
    sqlCallSites.clear();
  }

  @Override
  public void onOtherEvent(SparkListenerEvent e) {
    if (e instanceof SparkListenerSQLExecutionStart start) {
      sqlCallSites.put(Long.toString(start.executionId()), start.description());
    }
  }

  @Override
  public void onJobStart(SparkListenerJobStart e) {
    List<StageInfo> stages = CollectionConverters.asJava(e.stageInfos());
    // A Dataset action's jobs run on Spark's own threads (adaptive execution), so their stages are named after a
    // Spark frame; the SQL execution they belong to carries the action's call site ("parquet at DatasetWriter…").
    // An RDD action's last stage is named after its call site ("fold at IngestJob.java:133").
    String execution = e.properties() == null ? null : e.properties().getProperty("spark.sql.execution.id");
    String site = execution != null && sqlCallSites.containsKey(execution) ? sqlCallSites.get(execution)
        : stages.stream().max(Comparator.comparingInt(StageInfo::stageId)).map(StageInfo::name).orElse("?");
    jobs.put(e.jobId(), new Job(e.time(), site));
    for (StageInfo stage : stages) {
      stageToJob.put(stage.stageId(), e.jobId());
    }
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd e) {
    Job job = jobs.get(e.jobId());
    if (job != null) {
      job.endMs = e.time();
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    Integer id = stageToJob.get(e.stageId());
    Job job = id == null ? null : jobs.get(id);
    if (job != null && e.taskMetrics() != null) {
      synchronized (job) {
        job.tasks++;
        job.taskMillis += e.taskMetrics().executorRunTime();
        job.taskCpuMillis += e.taskMetrics().executorCpuTime() / 1_000_000;
        job.gcMillis += e.taskMetrics().jvmGCTime();
      }
    }
  }

  /**
   * The jobs seen since the last {@link #clear}, in id order. Listener events arrive asynchronously: waits (a few
   * seconds at most) until every job seen has ended, and since a job's end is posted after its tasks' ends, their
   * times are then complete too.
   */
  List<JobTime> snapshot() {
    long deadline = System.currentTimeMillis() + 5_000;
    try {
      Thread.sleep(200); // let the start of a job begun just before the round ended reach the listener
      while (jobs.values().stream().anyMatch(j -> j.endMs < 0) && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<JobTime> out = new ArrayList<>();
    jobs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      Job j = e.getValue();
      synchronized (j) {
        out.add(new JobTime(e.getKey(), j.startMs, j.endMs, j.tasks, j.taskMillis, j.taskCpuMillis, j.gcMillis,
            j.callSite));
      }
    });
    return out;
  }

  /**
   * Report lines for one round: optionally each job, then the totals, the longest job (the parse) against all the
   * others, and the driver's time before, between and after jobs (listing, planning, committing files).
   */
  static List<String> describe(List<JobTime> jobs, long roundStartMs, long roundEndMs, boolean eachJob) {
    List<String> lines = new ArrayList<>();
    if (jobs.isEmpty()) {
      return lines;
    }
    long total = 0;
    long firstStart = Long.MAX_VALUE;
    long lastEnd = 0;
    JobTime longest = jobs.get(0);
    for (JobTime j : jobs) {
      total += j.millis();
      firstStart = Math.min(firstStart, j.startMs());
      lastEnd = Math.max(lastEnd, j.endMs());
      if (j.millis() > longest.millis()) {
        longest = j;
      }
      if (eachJob) {
        lines.add(String.format("job %3d: %6d ms, %4d tasks, %7d ms task time (CPU %d ms, GC %d ms)  %s", j.id(),
            j.millis(), j.tasks(), j.taskMillis(), j.taskCpuMillis(), j.gcMillis(), j.callSite()));
      }
    }
    lines.add(String.format("spark: %d jobs, %.2f s in jobs (first job start to last job end %.2f s); longest job "
            + "%d: %.2f s, %d tasks, %.2f s task time (CPU %.2f s, GC %.2f s); other %d jobs: %.2f s", jobs.size(),
        total / 1e3, (lastEnd - firstStart) / 1e3, longest.id(), longest.millis() / 1e3, longest.tasks(),
        longest.taskMillis() / 1e3, longest.taskCpuMillis() / 1e3, longest.gcMillis() / 1e3, jobs.size() - 1,
        (total - longest.millis()) / 1e3));
    lines.add(String.format("driver outside jobs: %.2f s before the first job, %.2f s between jobs, %.2f s after "
            + "the last", (firstStart - roundStartMs) / 1e3, (lastEnd - firstStart - total) / 1e3,
        (roundEndMs - lastEnd) / 1e3));
    return lines;
  }
}
