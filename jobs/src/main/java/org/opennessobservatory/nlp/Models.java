package org.opennessobservatory.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * OpenNLP models, loaded once per JVM from the pinned model jars on the class path (never downloaded). Models are
 * immutable and shared; the {@code *ME} classes that use them are not thread-safe, so callers make one per thread.
 */
public final class Models {
  private Models() {}

  public static final String LANGDETECT = "langdetect-183.bin";
  public static final String SENTENCE_EN = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  public static final String TOKENS_EN = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
  /** Universal Dependencies tags (PROPN for proper nouns). */
  public static final String POS_EN = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
  /** The maxent model inside a {@link #POS_EN} model. */
  private static final String POS_ARTIFACT = "pos.model";
  /** Lemmas from words and their {@link #POS_EN} tags. */
  public static final String LEMMAS_EN = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

  // Initialization-on-demand holders: the JVM loads each model at first use, exactly once.
  private static final class Lang {
    static final LanguageDetectorModel MODEL = load(LANGDETECT, LanguageDetectorModel::new);
  }

  private static final class Sentence {
    static final SentenceModel MODEL = load(SENTENCE_EN, SentenceModel::new);
  }

  private static final class Tokens {
    static final TokenizerModel MODEL = load(TOKENS_EN, TokenizerModel::new);
  }

  private static final class WordTokens {
    static final TokenizerModel MODEL = alphaNumericOptimised(Tokens.MODEL);
  }

  private static final class Pos {
    static final POSModel MODEL = load(POS_EN, POSModel::new);
  }

  private static final class GreedyPos {
    static final POSModel MODEL = new POSModel(Pos.MODEL.getLanguage(), Pos.MODEL.<MaxentModel>getArtifact(
        POS_ARTIFACT), 1, java.util.Map.of(), Pos.MODEL.getFactory());
  }

  private static final class Lemmas {
    static final LemmatizerModel MODEL = load(LEMMAS_EN, LemmatizerModel::new);
  }

  public static LanguageDetectorModel languageDetector() {
    return Lang.MODEL;
  }

  public static SentenceModel englishSentences() {
    return Sentence.MODEL;
  }

  public static TokenizerModel englishTokens() {
    return Tokens.MODEL;
  }

  /**
   * {@link #englishTokens} with OpenNLP's alphanumeric optimisation on: a token of letters and digits only is kept
   * whole instead of being put to the model. The pinned model ships with it off, and its model then splits some
   * all-caps acronyms and numbers with a unit ("EBU" → "EB" "U", "PIN" → "PI" "N", "2bn" → "2" "bn"). Of the
   * 11,269 sentences of the NETmundial contributions, 20 come out otherwise, all of them such cases, and tokenizing
   * them is 3.5 times faster. The issue matcher's tokens; the bench's baseline loop keeps the model as shipped.
   */
  public static TokenizerModel englishWordTokens() {
    return WordTokens.MODEL;
  }

  private static TokenizerModel alphaNumericOptimised(TokenizerModel shipped) {
    TokenizerFactory f = shipped.getFactory();
    return new TokenizerModel(shipped.getMaxentModel(), java.util.Map.of(), new TokenizerFactory(
        shipped.getLanguage(), f.getAbbreviationDictionary(), true, f.getAlphaNumericPattern()));
  }

  public static POSModel englishPos() {
    return Pos.MODEL;
  }

  /**
   * {@link #englishPos} decoding greedily, a beam of one sequence instead of the shipped three: half the tagging
   * time, and on 483,340 tokens (the NETmundial contributions, the data-samples texts and a generated archive) the
   * same tag for every token. The issue matcher's tags, which only choose between lemmas.
   */
  public static POSModel englishPosGreedy() {
    return GreedyPos.MODEL;
  }

  public static LemmatizerModel englishLemmas() {
    return Lemmas.MODEL;
  }

  private interface ModelReader<M> {
    M read(InputStream in) throws IOException;
  }

  private static <M> M load(String resource, ModelReader<M> reader) {
    try (InputStream in = Models.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("OpenNLP model " + resource + " is not on the class path: the "
            + "opennlp-models-* jars must be packaged with the jobs");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OpenNLP model " + resource, e);
    }
  }
}
