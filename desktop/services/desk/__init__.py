"""The editor desk's use cases: the pull, review, board, exports, follow-up questions,
device approval and the desk's signatures. Transactions and network."""
