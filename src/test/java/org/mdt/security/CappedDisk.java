package org.mdt.security;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.disk.FilePathDisk;

/**
 * H2's files on disk, with a size cap on the files in one folder, as {@code ulimit -f} caps them
 * for a process: a write that would pass the cap writes what fits and then fails with "File too
 * large", in this JVM, on H2's own threads as well. It stands in for H2's disk file system while
 * installed, so mdt's commands run unchanged.
 *
 * <p>H2 keeps its disk file system in a final static field and strips "file:" from a URL before
 * choosing one, so no registered scheme can take its place; {@link #install} swaps the field with
 * {@code sun.misc.Unsafe}, and {@link #uninstall} puts the original back.
 */
final class CappedDisk extends FilePathDisk {
  private static volatile Path cappedFolder;
  private static volatile long capBytes = Long.MAX_VALUE;
  private static FilePath original;

  /** Makes H2 open its disk files through this class; nothing is capped until {@link #cap}. */
  static synchronized void install() throws ReflectiveOperationException {
    if (original == null) {
      FilePath.get("/"); // H2 registers its providers on first use
      original = swapDefaultProvider(new CappedDisk());
    }
  }

  static synchronized void uninstall() throws ReflectiveOperationException {
    if (original != null) {
      swapDefaultProvider(original);
      original = null;
    }
    uncap();
  }

  /** Caps every file H2 writes under {@code folder} at {@code bytes}. */
  static void cap(Path folder, long bytes) {
    cappedFolder = folder.toAbsolutePath().normalize();
    capBytes = bytes;
  }

  static void uncap() {
    capBytes = Long.MAX_VALUE;
    cappedFolder = null;
  }

  private static FilePath swapDefaultProvider(FilePath provider)
      throws ReflectiveOperationException {
    Field field = FilePath.class.getDeclaredField("defaultProvider");
    Field unsafeField = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
    unsafeField.setAccessible(true);
    sun.misc.Unsafe unsafe = (sun.misc.Unsafe) unsafeField.get(null);
    Object base = unsafe.staticFieldBase(field);
    long offset = unsafe.staticFieldOffset(field);
    FilePath before = (FilePath) unsafe.getObject(base, offset);
    unsafe.putObject(base, offset, provider);
    return before;
  }

  @Override
  public FilePathDisk getPath(String path) {
    CappedDisk capped = new CappedDisk();
    capped.name = super.getPath(path).toString();
    return capped;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    FileChannel channel = super.open(mode);
    Path folder = cappedFolder;
    boolean capped = folder != null && Path.of(name).toAbsolutePath().startsWith(folder);
    return capped ? new CappedChannel(channel) : channel;
  }

  /** A file channel whose writes stop at the cap. */
  private static final class CappedChannel extends FileBase {
    private final FileChannel channel;

    CappedChannel(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
      long room = capBytes - position;
      if (room <= 0) {
        throw new IOException("File too large");
      }
      if (source.remaining() <= room) {
        return channel.write(source, position);
      }
      ByteBuffer fits = source.duplicate();
      fits.limit(fits.position() + (int) room);
      int written = channel.write(fits, position);
      source.position(source.position() + written);
      return written;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
      int written = write(source, channel.position());
      channel.position(channel.position() + written);
      return written;
    }

    @Override
    public int read(ByteBuffer target, long position) throws IOException {
      return channel.read(target, position);
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
      return channel.read(target);
    }

    @Override
    public long position() throws IOException {
      return channel.position();
    }

    @Override
    public FileChannel position(long position) throws IOException {
      channel.position(position);
      return this;
    }

    @Override
    public long size() throws IOException {
      return channel.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      channel.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      channel.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return channel.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      channel.close();
    }
  }
}
