package org.kplan.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * Writes files the way health information needs: owner-only permissions, all or nothing (a
 * temporary file in the same directory, flushed to disk, then renamed over the target), and never
 * over an existing file unless asked.
 */
public final class SafeFiles {
  private SafeFiles() {}

  public enum Result {
    WRITTEN,
    REPLACED,
    UNCHANGED
  }

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  /**
   * Writes {@code data} to {@code target}. An existing file with the same content is left as it
   * is; one with other content is replaced only when {@code force}.
   */
  public static Result write(Path target, byte[] data, boolean force) throws OutputException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    boolean exists = Files.exists(abs, LinkOption.NOFOLLOW_LINKS);
    if (exists) {
      if (Files.isDirectory(abs)) throw new OutputException((target.toString().isEmpty() ? "\"\" (the current directory)" : target) + " is a directory");
      if (!Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
        // a rename would replace the link, device or pipe itself (as root, even /dev/stdout)
        throw new OutputException(target + " is not a regular file (a symbolic link, device or pipe); kplan replaces files "
            + "atomically, so give the path of a regular file, or leave out -o to write to standard output");
      }
      try {
        if (Files.size(abs) == data.length && Arrays.equals(Files.readAllBytes(abs), data)) return Result.UNCHANGED;
      } catch (IOException e) {
        // unreadable: fall through to the overwrite rule
      }
      if (!force) throw new OutputException(target + " already exists and would change; use --force to replace it");
    }
    if (dir == null || !Files.isDirectory(dir)) throw new OutputException("cannot write " + target + ": no such directory " + dir);
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, tempPrefix(abs), ".tmp", ownerOnly(dir));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) ch.write(b);
        ch.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      syncDirectory(dir);
      return exists ? Result.REPLACED : Result.WRITTEN;
    } catch (AccessDeniedException e) {
      throw new OutputException("cannot write " + target + ": permission denied");
    } catch (NoSuchFileException | FileAlreadyExistsException e) {
      throw new OutputException("cannot write " + target + ": " + e.getMessage());
    } catch (IOException e) {
      throw new OutputException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more to do; the temporary name starts with '.' and ends with .tmp
        }
      }
    }
  }

  /** ".NAME." for the temporary file, NAME cut short so that a long target name still leaves room (255 bytes). */
  static String tempPrefix(Path abs) {
    String name = abs.getFileName() == null ? "output" : abs.getFileName().toString();
    int cut = name.offsetByCodePoints(0, Math.min(name.codePointCount(0, name.length()), 40));
    return "." + name.substring(0, cut) + ".";
  }

  /** Makes the rename durable (best effort: not every platform can open a directory). */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      // the file is complete and in place; only its durability across a power cut is not confirmed
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) {
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
    }
    return new FileAttribute<?>[0];
  }
}
