package org.opennessobservatory.nlp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;

/** Language of a text by OpenNLP's langdetect model (103 languages), reported as ISO 639-1 where one exists. */
public final class LanguageIdentifier {
  /**
   * The model scores character n-grams, and its cost grows with the sample: 10,000 characters cost as much as the
   * Tika parse itself. 500 characters gave the same language as 1,000 on all 390 real texts tried (the NETmundial
   * contributions and data-samples) at two thirds of the cost, and language detection was still the largest part
   * of the ingest tasks' own CPU (bench ingest, JFR).
   */
  static final int SAMPLE_CHARS = 500;
  /** Below this many letters the guess is noise; the language is left unknown. */
  static final int MIN_LETTERS = 20;
  /**
   * The model spreads probability over 103 languages: on clear English its best guess scores ~0.14 against ~0.03
   * for the next, while on text it cannot place the first three are within a few percent of each other (measured:
   * 0.030 / 0.029 / 0.026). A guess counts only when it leads the runner-up by this factor.
   */
  static final double MIN_LEAD = 1.5;

  private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();
  private static final ThreadLocal<LanguageDetectorME> DETECTOR =
      ThreadLocal.withInitial(() -> new LanguageDetectorME(Models.languageDetector()));

  private LanguageIdentifier() {}

  /** A detected language: code (ISO 639-1, else the model's ISO 639-3) and the model's confidence in [0, 1]. */
  public record Guess(String code, double confidence) {}

  /** Returns null when the text has too few letters to tell, or the model has no clear favourite. */
  public static Guess identify(String text) {
    if (text == null) {
      return null;
    }
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    if (sample.chars().filter(Character::isLetter).count() < MIN_LETTERS) {
      return null;
    }
    Language[] ranked = DETECTOR.get().predictLanguages(sample);
    Language best = ranked[0];
    if (ranked.length > 1 && best.getConfidence() < MIN_LEAD * ranked[1].getConfidence()) {
      return null;
    }
    return new Guess(toIso1(best.getLang()), best.getConfidence());
  }

  static String toIso1(String iso3) {
    return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
  }

  private static Map<String, String> iso3ToIso1() {
    Map<String, String> map = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      map.put(new Locale(iso1).getISO3Language(), iso1);
    }
    // The model labels some languages by codes that Locale files under another ISO 639-3 code.
    map.put("cmn", "zh");
    map.put("pes", "fa");
    map.put("zsm", "ms");
    map.put("lvs", "lv");
    map.put("ekk", "et");
    map.put("npi", "ne");
    map.put("swh", "sw");
    return map;
  }
}
