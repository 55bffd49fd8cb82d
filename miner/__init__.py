"""miner: Vietnamese administrative reports in, searchable SQLite out."""

__version__ = "0.1.0"

# Bump when extraction output changes, so `miner ingest --reextract` knows what is stale.
EXTRACTOR_VERSION = "2"
