package org.opennessobservatory.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU seconds spent so far by this JVM and by the processes it started (the parse workers), and the time this JVM's
 * compiler threads spent compiling: on a machine with few cores, where a side's time goes is told by its CPU, not
 * by its wall clock. A worker that has ended takes its CPU with it, so a side that lost one reads low.
 */
record CpuTime(double jvmSeconds, double jitSeconds, double childSeconds) {
  static CpuTime now() {
    double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    // NaN where the JVM does not time its compiler (or has none): printed as such, never as 0.
    double jit = compiler != null && compiler.isCompilationTimeMonitoringSupported()
        ? compiler.getTotalCompilationTime() / 1e3 : Double.NaN;
    double children = ProcessHandle.current().descendants()
        .mapToDouble(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9).sum();
    return new CpuTime(jvm, jit, children);
  }

  /** What was spent since {@code start}, in words. */
  String since(CpuTime start) {
    double jvm = jvmSeconds - start.jvmSeconds;
    double children = childSeconds - start.childSeconds;
    String own = String.format("this JVM %.2f s, of which JIT compiling %.2f s", jvm, jitSeconds - start.jitSeconds);
    return children < 0.005 ? String.format("CPU %.2f s (%s)", jvm, own)
        : String.format("CPU %.2f s (%s; parse workers %.2f s)", jvm + children, own, children);
  }
}
