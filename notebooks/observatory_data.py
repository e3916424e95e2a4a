"""The observatory's output datasets as SQL views, for the notebooks: ``query(sql)`` returns a pandas DataFrame.

Every dataset folder under the output root (``OBSERVATORY_OUT``, default ``../output`` beside this folder) is a view
named after it, so ``query("SELECT * FROM openness_index")`` works as it would in Spark SQL.

Analysts have DuckDB for Python (``pip install duckdb pandas matplotlib``) and that is what runs. Where the ``duckdb``
module is missing (this project's test machine, where PyPI is out of reach but Debian's JPype is not), the same SQL
runs in DuckDB's JDBC driver through JPype: ``OBSERVATORY_DUCKDB_JAR`` names the driver's jar.
"""
import math
import os
from pathlib import Path

import pandas as pd

OUT = Path(os.environ.get("OBSERVATORY_OUT", Path(__file__).resolve().parent.parent / "output")).resolve()
# Where the notebooks save the tables they chart, so that anyone (and the tests) can check the figures.
TABLES = Path(os.environ.get("OBSERVATORY_TABLES", OUT / "_notebooks")).resolve()

# Debian's python3-jpype keeps its Java half here, outside the Python package.
_JPYPE_SUPPORT_JAR = "/usr/share/java/org.jpype.jar"


def datasets():
    """Names of the datasets under OUT: its folders that a finished write marked with _SUCCESS (not the report, the
    codebook, staging or the notebooks' tables)."""
    if not OUT.is_dir():
        raise FileNotFoundError(f"{OUT} is not an output root: run 'bin/observatory demo' first, or set OBSERVATORY_OUT")
    return sorted(p.name for p in OUT.iterdir()
                  if p.is_dir() and not p.name.startswith(("_", ".")) and (p / "_SUCCESS").is_file())


def _view_sql(name):
    folder = OUT / name
    # A dataset with rows is partitioned (forum=…/year=…/part-….parquet); an empty one is a single unpartitioned
    # file holding the schema (io/DatasetWriter). '**' matches zero or more folders, so one pattern reads both;
    # hive_partitioning turns the folder names back into the forum and year columns.
    if not any(folder.rglob("*.parquet")):
        raise FileNotFoundError(f"{folder} holds no Parquet file: rerun the pipeline into {OUT}")
    partitioned = any("=" in p.name for p in folder.iterdir() if p.is_dir())
    pattern = str(folder / "**" / "*.parquet").replace("'", "''")
    return (f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM "
            f"read_parquet('{pattern}', hive_partitioning = {'true' if partitioned else 'false'})")


class _DuckDB:
    """DuckDB for Python: the analysts' stack."""

    engine = "duckdb (Python)"

    def __init__(self, duckdb):
        self._con = duckdb.connect()

    def execute(self, sql):
        self._con.execute(sql)

    def query(self, sql):
        return self._con.sql(sql).df()


class _DuckDBOverJdbc:
    """The same database through DuckDB's JDBC driver in a JVM started by JPype."""

    engine = "duckdb (JDBC via JPype)"

    def __init__(self):
        import jpype

        jar = os.environ.get("OBSERVATORY_DUCKDB_JAR")
        if not jar or not Path(jar).is_file():
            raise ModuleNotFoundError(
                "neither the duckdb module (pip install duckdb) nor OBSERVATORY_DUCKDB_JAR (the path of "
                "org.duckdb:duckdb_jdbc's jar) is available")
        if not jpype.isJVMStarted():
            classpath = [jar] + ([_JPYPE_SUPPORT_JAR] if Path(_JPYPE_SUPPORT_JAR).is_file() else [])
            jpype.startJVM(classpath=classpath, convertStrings=True)
        self._types = jpype.JPackage("java").sql.Types
        self._con = jpype.JClass("java.sql.DriverManager").getConnection("jdbc:duckdb:")

    def execute(self, sql):
        statement = self._con.createStatement()
        try:
            statement.execute(sql)
        finally:
            statement.close()

    def query(self, sql):
        statement = self._con.createStatement()
        try:
            rows = statement.executeQuery(sql)
            meta = rows.getMetaData()
            columns = [meta.getColumnLabel(i) for i in range(1, meta.getColumnCount() + 1)]
            types = [meta.getColumnType(i) for i in range(1, meta.getColumnCount() + 1)]
            data = {c: [] for c in columns}
            while rows.next():
                for i, (c, t) in enumerate(zip(columns, types), start=1):
                    data[c].append(self._value(rows, i, t))
            frame = pd.DataFrame(data, columns=columns)
        finally:
            statement.close()
        # What duckdb's .df() gives: numbers as numbers (NaN for null), dates as datetime64.
        for c, t in zip(columns, types):
            if t in (self._types.DATE, self._types.TIMESTAMP, self._types.TIMESTAMP_WITH_TIMEZONE):
                frame[c] = pd.to_datetime(frame[c])
            elif t in self._numeric_types():
                frame[c] = pd.to_numeric(frame[c])
        return frame

    def _numeric_types(self):
        t = self._types
        return (t.TINYINT, t.SMALLINT, t.INTEGER, t.BIGINT, t.FLOAT, t.REAL, t.DOUBLE, t.DECIMAL, t.NUMERIC)

    def _value(self, rows, i, sql_type):
        value = rows.getObject(i)
        if value is None:
            return None
        if sql_type == self._types.ARRAY:
            return [_python(v) for v in rows.getArray(i).getArray()]
        return _python(value)


def _python(value):
    """A Java value of a result set as the Python value duckdb would give (structs and maps as their text)."""
    if value is None or isinstance(value, str):
        return value
    # Boxed Java numbers and booleans pass isinstance(int) in JPype: dispatch on the Java class instead.
    name = value.getClass().getName()
    if name == "java.lang.Boolean":
        return bool(value)
    if name in ("java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.math.BigInteger"):
        return int(value.toString())
    if name in ("java.lang.Float", "java.lang.Double", "java.math.BigDecimal"):
        number = float(value.toString())
        return None if math.isnan(number) else number
    return str(value.toString())


_db = None


def _database():
    global _db
    if _db is None:
        try:
            import duckdb
        except ModuleNotFoundError:
            db = _DuckDBOverJdbc()
        else:
            db = _DuckDB(duckdb)
        for name in datasets():
            db.execute(_view_sql(name))
        _db = db
    return _db


def engine():
    """Which engine answers the queries: DuckDB for Python, or DuckDB's JDBC driver through JPype."""
    return _database().engine


def query(sql):
    """Runs SQL over the dataset views; returns a pandas DataFrame."""
    return _database().query(sql)


def save_table(frame, name):
    """Saves the table behind a chart as TABLES/<name>.csv and returns its path."""
    TABLES.mkdir(parents=True, exist_ok=True)
    path = TABLES / f"{name}.csv"
    frame.to_csv(path, index=False)
    return path
