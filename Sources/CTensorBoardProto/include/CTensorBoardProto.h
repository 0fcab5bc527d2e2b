// Umbrella header for the protobuf-c code generated from Sources/CTensorBoardProto/proto
// by Scripts/generate-protos.sh. The generated files are never edited by hand.
#ifndef CTENSORBOARDPROTO_H
#define CTENSORBOARDPROTO_H

#include "event.pb-c.h"
#include "hparams.pb-c.h"
#include "plugins.pb-c.h"
#include "struct.pb-c.h"
#include "summary.pb-c.h"
#include "tensor.pb-c.h"

#endif
