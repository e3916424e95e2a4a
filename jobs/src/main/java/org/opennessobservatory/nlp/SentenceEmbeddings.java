package org.opennessobservatory.nlp;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sentence embeddings: all-MiniLM-L6-v2 (a sentence-transformers model trained to place paraphrases close together),
 * quantized to 8 bits, run in process by ONNX Runtime from the pinned model jar on the class path (never downloaded), mean
 * of the word pieces' vectors, length 1. Loaded once per JVM and shared by every thread (ONNX Runtime sessions and the
 * tokenizer are thread-safe).
 */
public final class SentenceEmbeddings {
  private SentenceEmbeddings() {}

  /** Model name and version, for provenance and memo keys. */
  public static final String MODEL = "all-MiniLM-L6-v2 (quantized, langchain4j-embeddings 1.19.0-beta29)";

  /** Dimensions of a vector. */
  public static final int DIMENSIONS = 384;

  private static final String ONNX = "all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

  private static final class Holder {
    static final EmbeddingModel MODEL = load();
  }

  /**
   * The model jar's network and tokenizer in a session that computes on the calling thread alone: Spark runs one task
   * per core, and a session's own thread pool over the same cores made two tasks 26% slower (0.80 against 1.08 ms a
   * sentence on 2 cores). The library's model class would build that pool; this is its class with the session given.
   */
  private static EmbeddingModel load() {
    ClassLoader loader = SentenceEmbeddings.class.getClassLoader();
    try (InputStream network = loader.getResourceAsStream(ONNX);
        InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
      if (network == null || tokenizer == null) {
        throw new IllegalStateException(ONNX + " or " + TOKENIZER + " is missing from the class path: the jobs jar "
            + "is incomplete");
      }
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, env.createSession(network.readAllBytes(), options),
          tokenizer, PoolingMode.MEAN);
      return new AbstractInProcessEmbeddingModel(Runnable::run) {
        @Override
        protected OnnxBertBiEncoder model() {
          return encoder;
        }

        @Override
        protected Integer knownDimension() {
          return DIMENSIONS;
        }
      };
    } catch (IOException | OrtException e) {
      throw new IllegalStateException("the sentence embedding model cannot be loaded: " + e.getMessage(), e);
    }
  }

  /** The text's vector, of length 1 (so that a dot product is the cosine). */
  public static float[] embed(String text) {
    return Holder.MODEL.embed(text).content().vector();
  }

  /** The cosine of two vectors of length 1. */
  public static double cosine(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
