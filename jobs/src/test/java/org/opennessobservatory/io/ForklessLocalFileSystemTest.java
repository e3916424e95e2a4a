package org.opennessobservatory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and folders get the modes Hadoop's chmod would give them: defaults under the umask, or those asked for. */
class ForklessLocalFileSystemTest {
  @Test
  void createdFilesAndFoldersGetHadoopsModes(@TempDir java.nio.file.Path dir) throws Exception {
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", ForklessLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    conf.set("fs.permissions.umask-mode", "027");
    FileSystem fs = FileSystem.get(dir.toUri(), conf);
    assertEquals(ForklessLocalFileSystem.class, fs.getClass());

    Path file = new Path(dir.toUri().toString(), "forum=igf/year=2023/part-0.parquet");
    try (FSDataOutputStream out = fs.create(file)) {
      out.write(1);
    }
    assertEquals("rw-r-----", mode(dir.resolve("forum=igf/year=2023/part-0.parquet")));
    assertEquals("rw-r-----", mode(dir.resolve("forum=igf/year=2023/.part-0.parquet.crc")));
    assertEquals("rwxr-x---", mode(dir.resolve("forum=igf")));

    fs.setPermission(file, new FsPermission((short) 0604));
    assertEquals("rw----r--", mode(dir.resolve("forum=igf/year=2023/part-0.parquet")));
    fs.mkdirs(new Path(dir.toUri().toString(), "private"), new FsPermission((short) 0700));
    assertEquals("rwx------", mode(dir.resolve("private")));
  }

  private static String mode(java.nio.file.Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
