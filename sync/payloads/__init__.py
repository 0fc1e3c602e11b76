"""Every payload format the app seals or signs, one module per kind.

The envelope (`sync.envelope`) carries a payload; these modules say what its bytes are:
how they are written (canonical JSON or a binary layout), the signature domain labels,
and the checks of the wire form. What a payload *means* (a review move's rules, which
device state wins) is in `desktop/domain/`. Each kind has committed vectors in
tests/sync/vectors/ that its tests reproduce byte for byte.

==================  ================================  ==========================================
module              format                            what it is
==================  ================================  ==========================================
``report``          ``gatewatch-report/1``            a report and its photos' chunk list, sealed
                                                      by a device (kind ``report``)
``followup``        ``gatewatch-followup-1``          a desk's question to a device, a device's
                                                      answer (kind ``message``)
``review``          ``gatewatch-review-2`` (``-1``    review events a desk signs as itself (kind
                    read only)                        ``review``)
``devices``         ``gatewatch-devices-2`` (``-1``   device approvals, rejections, revocations
                    read only)                        a desk signs (kind ``review``)
``desk_signed``     —                                 the signed layout review and devices share
``endorsement``     domain ``gatewatch desk           the newsroom signing key's endorsement of a
                    endorsement v1``                  desk's own key, carried by the three above
``opened``          ``gatewatch-opened-1``            a desk's signed list of a device's envelopes
                                                      it holds (relayed by ``/v1/opened``)
``container``       — (no cleartext)                  the sealed, padded, segmented container of
                                                      the hand-carried files
``bundle``          info ``gatewatch hand-carried     envelopes carried by hand (or relayed) to
                    bundle v1``                       the desk
``receipts``        info ``gatewatch hand-carried     what a desk holds from a device, and its
                    receipts v1``                     waiting questions, carried back
==================  ================================  ==========================================

Elsewhere in `sync`: the envelope itself (`sync.envelope`, docs/envelope.md), the signed
release manifest (`sync.release`), the invite and the device's signed encryption-key
statement (`sync.wire`), the HTTP bodies (`sync.messages`, `sync.protocol`).
"""
