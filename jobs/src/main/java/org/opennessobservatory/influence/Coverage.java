package org.opennessobservatory.influence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who covers which characters of an outcome: the pure core of {@code influence_by_group}.
 *
 * <p>A group covers the union of the outcome spans of its contributions' non-boilerplate passages. A character
 * covered by passages of several groups counts for each of them (so the groups' shares may sum to more than the
 * covered share) and is also counted in each one's {@code sharedChars}.
 */
public final class Coverage {
  private Coverage() {}

  /** An outcome span {@code [start, end)} attributed to a group. */
  public record Span(String group, int start, int end) implements Serializable {}

  /** Characters a group covers, and of those, how many another group covers too. */
  public record GroupChars(long chars, long sharedChars) implements Serializable {}

  public static Map<String, GroupChars> byGroup(List<Span> spans) {
    // Sweep over span boundaries: between two consecutive boundaries the set of covering groups is constant.
    TreeSet<Integer> cuts = new TreeSet<>();
    for (Span s : spans) {
      if (s.end() > s.start()) {
        cuts.add(s.start());
        cuts.add(s.end());
      }
    }
    Map<String, long[]> acc = new TreeMap<>();
    for (Span s : spans) {
      acc.putIfAbsent(s.group(), new long[2]);
    }
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingInt(Span::start));
    Integer prev = null;
    for (int cut : cuts) {
      if (prev != null) {
        int from = prev;
        TreeSet<String> groups = new TreeSet<>();
        for (Span s : sorted) {
          if (s.start() > from) {
            break;
          }
          if (s.end() >= cut && s.start() <= from && s.end() > from) {
            groups.add(s.group());
          }
        }
        long width = cut - from;
        for (String g : groups) {
          long[] a = acc.get(g);
          a[0] += width;
          if (groups.size() > 1) {
            a[1] += width;
          }
        }
      }
      prev = cut;
    }
    Map<String, GroupChars> out = new TreeMap<>();
    acc.forEach((g, a) -> out.put(g, new GroupChars(a[0], a[1])));
    return out;
  }

  /** Characters covered by any span. */
  public static long union(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingInt(Span::start));
    long total = 0;
    int reach = Integer.MIN_VALUE;
    for (Span s : sorted) {
      int from = Math.max(s.start(), reach);
      if (s.end() > from) {
        total += s.end() - from;
      }
      reach = Math.max(reach, s.end());
    }
    return total;
  }
}
