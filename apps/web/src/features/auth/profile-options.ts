import type { ApiSchemas } from '../../lib/api/api-client';

// Orders for the pickers; the allowed values themselves come from the generated API types.
export const POSITION_TYPES: ApiSchemas['RegisterDto']['positionType'][] = ['police', 'municipal_official', 'health_staff', 'other'];
export const REGIONS: ApiSchemas['RegisterDto']['region'][] = [
  'amazonas', 'ancash', 'apurimac', 'arequipa', 'ayacucho', 'cajamarca', 'callao', 'cusco', 'huancavelica', 'huanuco', 'ica',
  'junin', 'la_libertad', 'lambayeque', 'lima', 'loreto', 'madre_de_dios', 'moquegua', 'pasco', 'piura', 'puno', 'san_martin',
  'tacna', 'tumbes', 'ucayali',
];
