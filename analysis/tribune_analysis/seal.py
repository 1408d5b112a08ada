"""The seal on tribune's output files, checked before h5py (and libhdf5, which can crash on a
corrupt file) reads them. tribune writes, in a 512-byte user block before the HDF5 superblock,
``TRIBUNE-HDF5 1``, the file's length and the CRC-32 of everything after the block (see the
engine's io/seal.h); a file whose length or checksum does not match, or that has no seal, is
refused with ``CorruptFileError`` saying which.

A file checked once is not checked again while its size and modification time stay the same.
"""
from __future__ import annotations

import contextlib
import os
import re
import zlib

import h5py

BLOCK = 512
MAGIC = b"TRIBUNE-HDF5 1\n"
_SEAL = re.compile(rb"TRIBUNE-HDF5 1\nlength (\d+)\ncrc32 ([0-9a-f]{8})\n")
_checked: dict = {}


class CorruptFileError(OSError):
    """A file that is not a sound tribune output: truncated, corrupt, unsealed or not HDF5."""


def check(path) -> None:
    """Raise CorruptFileError unless ``path`` is a tribune output whose seal matches its bytes."""
    path = os.fspath(path)
    try:
        st = os.stat(path)
        key = (os.path.realpath(path), st.st_size, st.st_mtime_ns)
        if key in _checked:
            return
        with open(path, "rb") as f:
            block = f.read(BLOCK)
            m = _SEAL.match(block)
            if not block.startswith(MAGIC):
                if block.startswith(b"\x89HDF\r\n\x1a\n"):
                    raise CorruptFileError(f"{path} is an HDF5 file without tribune's seal: an unfinished file "
                                           "(its run was killed), another program's file, or one written by a "
                                           "tribune from before files were sealed")
                raise CorruptFileError(f"{path} is not a tribune output file (no tribune seal, and not HDF5)")
            if not m or block[m.end():].strip(b"\0"):
                raise CorruptFileError(f"{path} has a damaged seal (its first 512 bytes were overwritten)")
            length, crc = int(m.group(1)), int(m.group(2), 16)
            if st.st_size < length:
                raise CorruptFileError(f"{path} is truncated: {st.st_size} of its {length} bytes are there")
            actual = 0
            while chunk := f.read(1 << 22):
                actual = zlib.crc32(chunk, actual)
            if st.st_size != length or actual != crc:
                raise CorruptFileError(f"{path} is corrupt: its contents do not match the checksum written when "
                                       "it was completed")
    except OSError as e:
        if isinstance(e, CorruptFileError):
            raise
        raise CorruptFileError(f"cannot read {path}: {e.strerror or e}") from e
    _checked[key] = True


@contextlib.contextmanager
def open_h5(path):
    """``h5py.File(path, "r")`` after ``check(path)``."""
    check(path)
    with h5py.File(path, "r") as f:
        yield f
