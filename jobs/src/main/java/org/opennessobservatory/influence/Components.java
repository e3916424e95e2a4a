package org.opennessobservatory.influence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The connected components of one process's reuse graph: the pure core of {@code reuse_clusters}. Every edge of the
 * graph joins two contributions of the same process (a process is aligned from its own documents alone), so the
 * components are found per process, in one pass over its edges, by union-find — not by rounds of Spark jobs.
 */
public final class Components {
  private Components() {}

  /** An edge: contributions {@code a} and {@code b} share {@code chars} characters of non-boilerplate passages. */
  public record Edge(String a, String b, long chars) implements Serializable {}

  /** A component: its label (its smallest document id), its members in id order, its edges and their characters. */
  public record Component(String label, List<String> members, long links, long sharedChars) implements Serializable {}

  /** The components of these edges, by label; each edge counts once, in its endpoints' component. */
  public static List<Component> of(List<Edge> edges) {
    Map<String, String> parent = new HashMap<>();
    for (Edge e : edges) {
      union(parent, e.a(), e.b());
    }
    // A component's root is its smallest id (union keeps the smaller root): the label, and the map's order.
    Map<String, List<String>> members = new TreeMap<>();
    for (String node : new TreeSet<>(parent.keySet())) {
      members.computeIfAbsent(root(parent, node), r -> new ArrayList<>()).add(node);
    }
    Map<String, long[]> stats = new HashMap<>();
    for (Edge e : edges) {
      long[] s = stats.computeIfAbsent(root(parent, e.a()), r -> new long[2]);
      s[0]++;
      s[1] += e.chars();
    }
    return members.entrySet().stream().map(m -> {
      long[] s = stats.get(m.getKey());
      return new Component(m.getKey(), List.copyOf(m.getValue()), s[0], s[1]);
    }).toList();
  }

  private static String root(Map<String, String> parent, String node) {
    String r = node;
    while (!parent.get(r).equals(r)) {
      r = parent.get(r);
    }
    // Path compression: later look-ups of these nodes take one step.
    for (String n = node; !n.equals(r); ) {
      String next = parent.get(n);
      parent.put(n, r);
      n = next;
    }
    return r;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    parent.putIfAbsent(a, a);
    parent.putIfAbsent(b, b);
    String ra = root(parent, a);
    String rb = root(parent, b);
    int order = ra.compareTo(rb);
    if (order < 0) {
      parent.put(rb, ra);
    } else if (order > 0) {
      parent.put(ra, rb);
    }
  }
}
