"""The editor desk's rules: review states and events, the gate status board, device trust,
duplicates, markets and envelope-chain gaps. Plain Python, like the rest of the domain."""
