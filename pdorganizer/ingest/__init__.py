"""Files in: images, PDFs, HEIC -> original bytes, normalised pages, thumbnails, hashes."""
