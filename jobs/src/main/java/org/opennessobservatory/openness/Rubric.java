package org.opennessobservatory.openness;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A versioned openness rubric: the weight of each principle it assesses and the criteria that measure them. The
 * version is written beside every score, so that scores from different rubrics are never compared unknowingly.
 * Instances come from {@link #parse} or {@link #loadDefault}, which check the file; see docs/openness-rubric.md.
 */
public record Rubric(String version, Map<Principle, Double> principleWeights, List<Criterion> criteria)
    implements Serializable {
  /** The rubric shipped with the jobs, used unless {@code --rubric} names another. */
  public static final String DEFAULT_RESOURCE = "/reference/openness-rubric.yaml";

  public Rubric {
    Map<Principle, Double> weights = new EnumMap<>(Principle.class);
    weights.putAll(principleWeights);
    principleWeights = Collections.unmodifiableMap(weights);
    criteria = List.copyOf(criteria);
  }

  /**
   * Reads and checks a rubric file.
   *
   * @param source the file's name as the user gave it, for messages
   * @param knownIndicators the indicator names criteria may read, e.g. {@link IndicatorNames#FORUM_YEAR}
   * @throws org.opennessobservatory.cli.UserException naming file, line, criterion and fault
   */
  public static Rubric parse(Reader reader, String source, Set<String> knownIndicators) {
    return new RubricReader(source, knownIndicators).read(reader);
  }

  /** The shipped default rubric, checked like any other. */
  public static Rubric loadDefault(Set<String> knownIndicators) {
    try (Reader in = new InputStreamReader(Rubric.class.getResourceAsStream(DEFAULT_RESOURCE),
        StandardCharsets.UTF_8)) {
      return parse(in, "reference/openness-rubric.yaml", knownIndicators);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
