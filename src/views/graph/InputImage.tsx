/** An input layer that is an image (MNIST's 28 × 28), drawn as the focused sample's image (grey levels 0..1). */
import { useEffect, useRef } from 'react';
import type { ImageShape } from '../../data/image.ts';
import { LayerLabel } from './LayerLabel.tsx';

export function InputImage({ x, height, image, row, name }: { x: number; height: number; image: ImageShape; row: Float64Array | null; name: string }) {
  const detail = `(${image.rows}×${image.cols})`;
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || row === null) return;
    const pixels = ctx.createImageData(image.cols, image.rows);
    for (let p = 0; p < image.rows * image.cols; p++) {
      const v = 255 - Math.round(255 * Math.max(0, Math.min(1, row[p]!)));
      pixels.data.set([v, v, v, 255], p * 4);
    }
    ctx.putImageData(pixels, 0, 0);
  }, [row, image]);
  const size = Math.min(112, height / 3);
  return (
    <g className="layer" data-layer={0}>
      <LayerLabel x={x} name={name} detail={detail} />
      <foreignObject x={x - size / 2} y={height / 2 - size / 2} width={size} height={size}>
        <canvas ref={ref} width={image.cols} height={image.rows} style={{ width: size, height: size, imageRendering: 'pixelated' }} aria-label={`${name} ${detail}`} />
      </foreignObject>
    </g>
  );
}
