package org.opennessobservatory.io;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration (including the user's spark.hadoop.* settings, e.g. S3 credentials), carried to
 * tasks by value: Hadoop's Configuration is not serializable.
 */
public final class HadoopConf implements Serializable {
  private final HashMap<String, String> entries = new HashMap<>();
  private transient Configuration conf;

  public HadoopConf(Configuration source) {
    for (Map.Entry<String, String> e : source) {
      entries.put(e.getKey(), e.getValue());
    }
  }

  public Configuration get() {
    if (conf == null) {
      conf = new Configuration(false);
      entries.forEach(conf::set);
    }
    return conf;
  }
}
