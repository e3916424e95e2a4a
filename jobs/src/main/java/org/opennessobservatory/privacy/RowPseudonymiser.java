package org.opennessobservatory.privacy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Pseudonymises one row of any dataset, whatever its schema: every {@code person_id} (at any depth) becomes its
 * keyed hash, a row id computed from a person id ({@code link_id} of a person link) is keyed too, and every other
 * string (in arrays, structs and map values as well) has the names of known persons replaced. Going by type
 * rather than by a list of columns means a column added later cannot slip through.
 */
public final class RowPseudonymiser implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String PERSON_ID = "person_id";
  /** Row ids that hash a person id among other things (forum_links: link_type, forums and person_id). */
  static final String LINK_ID = "link_id";

  private final byte[] key;
  private final NameReplacer names;
  /** Made on first use after deserialization; two task threads may each make one, alike (volatile: seen whole). */
  private transient volatile Pseudonyms pseudonyms;

  public RowPseudonymiser(byte[] key, NameReplacer names) {
    this.key = key.clone();
    this.names = names;
  }

  public Row apply(Row row, StructType schema) {
    return (Row) value(row, schema, null, false);
  }

  /** @param ofPerson whether the struct holding {@code v} has a person_id (then its link_id is keyed too) */
  private Object value(Object v, DataType type, String field, boolean ofPerson) {
    if (v == null) {
      return null;
    }
    if (type instanceof StringType) {
      String s = (String) v;
      if (PERSON_ID.equals(field)) {
        return pseudonyms().id(s);
      }
      if (LINK_ID.equals(field) && ofPerson) {
        return pseudonyms().keyed("link", s);
      }
      return names.replace(s);
    }
    if (type instanceof StructType struct) {
      Row r = (Row) v;
      List<String> fields = List.of(struct.fieldNames());
      boolean person = fields.contains(PERSON_ID) && !r.isNullAt(fields.indexOf(PERSON_ID));
      Object[] values = new Object[fields.size()];
      for (int i = 0; i < values.length; i++) {
        StructField f = struct.fields()[i];
        values[i] = value(r.get(i), f.dataType(), f.name(), person);
      }
      return RowFactory.create(values);
    }
    if (type instanceof ArrayType array) {
      List<Object> out = new ArrayList<>();
      for (Object element : CollectionConverters.asJava((scala.collection.Seq<?>) v)) {
        out.add(value(element, array.elementType(), field, ofPerson));
      }
      return CollectionConverters.asScala(out).toSeq();
    }
    if (type instanceof MapType map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      CollectionConverters.asJava((scala.collection.Map<?, ?>) v)
          .forEach((k, x) -> out.put(k, value(x, map.valueType(), null, ofPerson)));
      return CollectionConverters.asScala(out);
    }
    return v;
  }

  private Pseudonyms pseudonyms() {
    if (pseudonyms == null) {
      pseudonyms = new Pseudonyms(key);
    }
    return pseudonyms;
  }
}
