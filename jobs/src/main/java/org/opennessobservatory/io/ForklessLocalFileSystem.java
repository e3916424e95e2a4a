package org.opennessobservatory.io;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system, except that permissions are set through java.nio rather than by running
 * {@code chmod} in a new process. Without Hadoop's native library (not on Maven Central), every file and folder
 * Hadoop creates (each Parquet part, its {@code .crc}, each {@code forum=…/year=…} folder) forks {@code chmod}:
 * measured 25 ms per created file from a 6 GB driver, 2.2 s of the 88-folder {@code documents} write. The mode
 * set is the same. Registered for {@code file:} on local masters only ({@code SparkSessions}): on a cluster the
 * executors may open {@code file:} before the job jar is on their class path.
 */
public final class ForklessLocalFileSystem extends LocalFileSystem {
  public static final String SETTING = "spark.hadoop.fs.file.impl";

  public ForklessLocalFileSystem() {
    super(new Raw());
  }

  /** The checksum-less layer under {@link LocalFileSystem}, where Hadoop calls {@code setPermission}. */
  static final class Raw extends RawLocalFileSystem {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (!POSIX || NativeIO.isAvailable() || permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
    }
  }

  /** Hadoop's user, group and other actions as java.nio's nine permission bits. */
  static Set<PosixFilePermission> posix(FsPermission permission) {
    Set<PosixFilePermission> bits = EnumSet.noneOf(PosixFilePermission.class);
    add(bits, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE);
    add(bits, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_EXECUTE);
    add(bits, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE);
    return bits;
  }

  private static void add(Set<PosixFilePermission> bits, FsAction action, PosixFilePermission read,
      PosixFilePermission write, PosixFilePermission execute) {
    if (action.implies(FsAction.READ)) {
      bits.add(read);
    }
    if (action.implies(FsAction.WRITE)) {
      bits.add(write);
    }
    if (action.implies(FsAction.EXECUTE)) {
      bits.add(execute);
    }
  }
}
