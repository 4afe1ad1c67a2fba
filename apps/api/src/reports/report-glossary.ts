import type { Locale } from '#curriculum';
import { MIN_GROUP_N } from '#evaluation';

/**
 * What each figure of the report means, written once: the report shows it and the export codebook carries it, so
 * a number means the same thing wherever it appears.
 */
export const GLOSSARY: Record<Locale, { term: string; definition: string }[]> = {
  es: [
    { term: 'Pares completos (n)', definition: 'Personas con puntaje antes y después en esa medida. Todas las medias, cambios y pruebas de una medida usan solo esas personas.' },
    { term: 'Solo antes', definition: 'Personas con evaluación inicial pero todavía sin evaluación final en esa medida (abandono o pendientes). No entran en ninguna media ni se imputan.' },
    { term: 'Prueba vacía', definition: 'Una prueba de conocimientos enviada sin ninguna respuesta cuenta como dato faltante, nunca como 0 %.' },
    { term: 'Puntaje de conocimientos', definition: 'Porcentaje de preguntas correctas de la prueba; las preguntas sin responder cuentan como incorrectas.' },
    { term: 'Puntaje de actitudes', definition: 'Media de 1 a 5 de las frases de una subescala, después de invertir las frases redactadas en sentido contrario; más alto = más respetuoso de los derechos. Falta si se respondió menos del 75 % de sus frases.' },
    { term: 'Cambio medio', definition: 'Media de (después − antes) de los pares completos, con su intervalo de confianza del 95 %.' },
    { term: 'Prueba t pareada y Wilcoxon', definition: 'Dos pruebas de si el cambio medio podría deberse al azar (p). Wilcoxon no supone una distribución normal; se calcula como en R (exacta con menos de 50 pares sin empates, si no aproximación normal con corrección).' },
    { term: 'd_z y d_av', definition: 'Tamaño del efecto: el cambio medio dividido por la desviación estándar de los cambios (d_z, el principal) o por la media de las desviaciones estándar antes y después (d_av).' },
    { term: 'Alfa de Cronbach', definition: 'Consistencia interna de una subescala entre quienes respondieron todas sus frases, con intervalo de Feldt; por debajo de 0,70 se marca.' },
    { term: 'KR-20', definition: 'El alfa de Cronbach de la prueba de conocimientos, con cada pregunta puntuada 0 o 1.' },
    { term: 'Facilidad', definition: 'Proporción de personas que respondieron bien una pregunta (sin responder cuenta como mal). Por encima de 0,90 en la evaluación inicial, la pregunta casi no puede mostrar aprendizaje.' },
    { term: 'Discriminación', definition: 'Correlación de la pregunta con el puntaje del resto de la prueba. Por debajo de 0,20, la pregunta distingue poco entre quien sabe más y quien sabe menos; negativa, algo en ella confunde.' },
    { term: 'Distractores', definition: 'La proporción que eligió cada opción. Una opción incorrecta que nadie elige no aporta a la pregunta.' },
    { term: 'Cambio por pregunta', definition: 'Diferencia después − antes en cada pregunta, solo entre quienes la tienen en ambos momentos; se ordena dentro de su propia escala (conocimientos en proporción, actitudes en puntos de 1 a 5).' },
    { term: 'Mirando atrás (then-test)', definition: 'Al final se pregunta cómo habría respondido antes del curso. La diferencia mirando atrás − antes es el cambio de referencia: si es negativa, las personas juzgan ahora su punto de partida con más exigencia, no que sus actitudes hayan empeorado.' },
    { term: 'Retención', definition: 'Seguimiento − después, entre quienes respondieron ambos.' },
    { term: 'Supresión', definition: `Ninguna cifra se muestra si se basa en menos de ${MIN_GROUP_N} personas (contando las que usa esa cifra). Si un grupo oculto pudiera deducirse restando los visibles del total, se oculta también el siguiente grupo real más pequeño. Las respuestas de opinión nunca se muestran por persona.` },
    { term: 'Solo el curso', definition: 'Personas que eligieron hacer el curso sin que sus respuestas se usen en la evaluación: no están en ninguna estadística ni exportación; su avance y su certificado no cambian.' },
  ],
  en: [
    { term: 'Complete pairs (n)', definition: 'Learners with both a pre and a post score on that measure. Every mean, change and test of a measure uses only them.' },
    { term: 'Pre only', definition: 'Learners with a pre-assessment but no post-assessment yet on that measure (dropped out or pending). They are in no mean and are never imputed.' },
    { term: 'Empty test', definition: 'A knowledge test submitted with no answer at all is missing, never 0 %.' },
    { term: 'Knowledge score', definition: 'Percent of the test\'s questions answered correctly; unanswered questions count as wrong.' },
    { term: 'Attitude score', definition: 'Mean 1–5 of a subscale\'s statements after reversing the reverse-worded ones; higher = more rights-respecting. Missing when fewer than 75 % of its statements were answered.' },
    { term: 'Mean change', definition: 'Mean of (post − pre) over the complete pairs, with its 95 % confidence interval.' },
    { term: 'Paired t-test and Wilcoxon', definition: 'Two tests of whether the mean change could be chance (p). Wilcoxon does not assume a normal distribution; it is computed as R does (exact below 50 pairs without ties, otherwise a normal approximation with correction).' },
    { term: 'd_z and d_av', definition: 'Effect size: the mean change divided by the SD of the changes (d_z, the primary one) or by the mean of the pre and post SDs (d_av).' },
    { term: 'Cronbach\'s alpha', definition: 'Internal consistency of a subscale among learners who answered all of its statements, with Feldt\'s interval; flagged below 0.70.' },
    { term: 'KR-20', definition: 'Cronbach\'s alpha of the knowledge test, each question scored 0 or 1.' },
    { term: 'Facility', definition: 'Share of learners who answered a question correctly (unanswered counts as wrong). Above 0.90 at pre, a question can hardly show learning.' },
    { term: 'Discrimination', definition: 'Correlation of the question with the score on the rest of the test. Below 0.20 the question barely separates those who know more from those who know less; negative, something in it misleads.' },
    { term: 'Distractors', definition: 'The share choosing each option. A wrong option nobody chooses adds nothing to the question.' },
    { term: 'Item shift', definition: 'Post − pre on each item, only among learners who have it at both times; ranked within its own scale (knowledge as a share, attitudes in points on 1–5).' },
    { term: 'Looking back (then-test)', definition: 'At the end, learners say how they would have answered before the course. Looking back − pre is the response shift: when negative, learners now judge their starting point more strictly; it does not mean their attitudes got worse.' },
    { term: 'Retention', definition: 'Follow-up − post, among learners who answered both.' },
    { term: 'Suppression', definition: `No figure is shown when it rests on fewer than ${MIN_GROUP_N} learners (counting those that figure uses). Where a hidden group could be worked out by subtracting the visible ones from the total, the next smallest real group is hidden too. Opinion answers are never shown per learner.` },
    { term: 'Course only', definition: 'Learners who chose to take the course without their answers being used for the evaluation: they are in no statistic or export; their progress and certificate are unaffected.' },
  ],
};
