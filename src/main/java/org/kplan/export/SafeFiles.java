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
import java.nio.file.LinkOption;
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

  /** Produces a file's content into the stream it is given. */
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Whether an existing file already holds what the new one does (so it need not change). */
  public interface Same {
    boolean test(Path existing, Path candidate) throws IOException;
  }

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  /**
   * Writes {@code data} to {@code target}. An existing file with the same content is left as it
   * is; one with other content is replaced only when {@code force}.
   */
  public static Result write(Path target, byte[] data, boolean force) throws OutputException {
    Path abs = target.toAbsolutePath();
    if (checkTarget(target, abs)) {
      try {
        if (Files.size(abs) == data.length && Arrays.equals(Files.readAllBytes(abs), data)) return Result.UNCHANGED;
      } catch (IOException e) {
        // unreadable: fall through to the overwrite rule
      }
      if (!force) throw wouldChange(target);
    }
    return replace(target, ch -> {
      ByteBuffer b = ByteBuffer.wrap(data);
      while (b.hasRemaining()) ch.write(b);
    }, null, force);
  }

  /**
   * Like {@link #write(Path, byte[], boolean)}, for content too large to hold in memory: it is
   * streamed into the temporary file, then compared with an existing file by {@code same}.
   */
  public static Result write(Path target, Content content, Same same, boolean force) throws OutputException {
    checkTarget(target, target.toAbsolutePath());
    return replace(target, ch -> {
      OutputStream os = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
      content.writeTo(os);
      os.flush();
    }, same, force);
  }

  private interface Fill {
    void into(FileChannel ch) throws IOException;
  }

  /** True when {@code abs} exists; refuses directories, links, devices and pipes. */
  private static boolean checkTarget(Path target, Path abs) throws OutputException {
    if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) return false;
    if (Files.isDirectory(abs)) {
      throw new OutputException((target.toString().isEmpty() ? "\"\" (the current directory)" : target) + " is a directory");
    }
    if (!Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
      // a rename would replace the link, device or pipe itself (as root, even /dev/stdout)
      throw new OutputException(target + " is not a regular file (a symbolic link, device or pipe); kplan replaces files "
          + "atomically, so give the path of a regular file, or leave out -o to write to standard output");
    }
    return true;
  }

  private static OutputException wouldChange(Path target) {
    return new OutputException(target + " already exists and would change; use --force to replace it");
  }

  /**
   * Fills a temporary file beside {@code target}, flushes it to disk and renames it over the
   * target. With {@code same}, an existing target holding the same content is left untouched.
   */
  private static Result replace(Path target, Fill fill, Same same, boolean force) throws OutputException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) throw new OutputException("cannot write " + target + ": no such directory " + dir);
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, tempPrefix(abs), ".tmp", ownerOnly(dir));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        fill.into(ch);
        ch.force(true);
      }
      boolean exists = Files.exists(abs, LinkOption.NOFOLLOW_LINKS);
      if (exists && same != null) {
        try {
          if (same.test(abs, tmp)) return Result.UNCHANGED;
        } catch (IOException e) {
          // unreadable: fall through to the overwrite rule
        }
        if (!force) throw wouldChange(target);
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

  /**
   * True for the temporary files this class makes: a dot, (the start of) the file name, a dot,
   * digits, {@code .tmp}. Left behind only when the process was killed mid-write.
   */
  public static boolean isTemporary(String fileName) {
    return fileName.matches("\\..+\\.-?\\d+\\.tmp");
  }

  /** A new owner-only temporary file beside {@code target}, named as {@link #isTemporary} expects. */
  public static Path temporaryBeside(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    return Files.createTempFile(abs.getParent(), tempPrefix(abs), ".tmp", ownerOnly(abs.getParent()));
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
