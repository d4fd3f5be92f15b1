package org.kplan.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
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
    boolean exists = Files.exists(abs);
    if (exists) {
      if (Files.isDirectory(abs)) throw new OutputException(target + " is a directory");
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
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp", ownerOnly(dir));
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

  /** Produces a file's content into the stream it is given. */
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Whether an existing file already holds what the new one does (so it need not change). */
  public interface Same {
    boolean test(Path existing, Path candidate) throws IOException;
  }

  /**
   * Like {@link #write(Path, byte[], boolean)}, for content too large to hold in memory: it is
   * streamed into the temporary file, then compared with an existing file by {@code same}.
   */
  public static Result write(Path target, Content content, Same same, boolean force) throws OutputException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (Files.isDirectory(abs)) throw new OutputException(target + " is a directory");
    if (dir == null || !Files.isDirectory(dir)) throw new OutputException("cannot write " + target + ": no such directory " + dir);
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp", ownerOnly(dir));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream os = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        content.writeTo(os);
        os.flush();
        ch.force(true);
      }
      boolean exists = Files.exists(abs);
      if (exists) {
        try {
          if (same.test(abs, tmp)) return Result.UNCHANGED;
        } catch (IOException e) {
          // unreadable: fall through to the overwrite rule
        }
        if (!force) throw new OutputException(target + " already exists and would change; use --force to replace it");
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
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

  /**
   * True for the temporary files this class makes for {@code target}-like names: a dot, the file
   * name, a dot, digits, {@code .tmp}. Left behind only when the process was killed mid-write.
   */
  public static boolean isTemporary(String fileName) {
    return fileName.matches("\\..+\\.-?\\d+\\.tmp");
  }

  /** A new owner-only temporary file beside {@code target}, named as {@link #isTemporary} expects. */
  public static Path temporaryBeside(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    return Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp", ownerOnly(abs.getParent()));
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) {
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
    }
    return new FileAttribute<?>[0];
  }
}
