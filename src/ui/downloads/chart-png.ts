import type {ChartImage} from "./chart-svg.ts";

/**
 * A chart's SVG drawn into a PNG `scale` times its size on the page (default 2: sharp on
 * high-density screens and in print). The SVG is self-contained, so drawing it never reads
 * from the network and never taints the canvas.
 */
export async function chartPng(image: ChartImage, document: Document, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.svg], {type: "image/svg+xml"}));
  try {
    const img = new (document.defaultView!.Image)();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    canvas.getContext("2d")!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`could not draw a ${canvas.width}×${canvas.height} PNG of this chart`))), "image/png")
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
